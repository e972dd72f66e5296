-- Placeholder holding version 7 on branch h/download, whose migration is 0008; the real 0007 replaces this file at merge.
SELECT 1;
