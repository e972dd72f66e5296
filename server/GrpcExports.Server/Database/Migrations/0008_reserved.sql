-- Placeholder on branch h/assetcheck only: version 8 belongs to another branch, whose file replaces this one at
-- merge (migration versions may have no gaps, so this branch needs something here to start).
SELECT 1;
