-- Revert shop:orders from pg

BEGIN;

DROP TABLE orders;

COMMIT;
