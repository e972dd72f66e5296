-- Reserved: version 4 belongs to the export jobs migration of the exports work (branch h/exports). This placeholder
-- only keeps the version sequence gap-free so that 0005_assets.sql applies; drop it when that migration lands.
SELECT 1;
