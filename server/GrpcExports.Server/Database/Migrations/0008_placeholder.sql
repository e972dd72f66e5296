-- Placeholder so this branch's migration 0011 follows without a gap; the migration of this number from another branch replaces it at merge.
SELECT 1;
