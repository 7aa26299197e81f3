-- Migration: drop-legacy
-- Created at: 2026-11-10 09:42:44
-- ====  UP  ====

BEGIN;
  ALTER TABLE accounts DROP COLUMN legacy_code;
COMMIT;

-- ==== DOWN ====

BEGIN;
  ALTER TABLE accounts ADD COLUMN legacy_code varchar(20);
COMMIT;
