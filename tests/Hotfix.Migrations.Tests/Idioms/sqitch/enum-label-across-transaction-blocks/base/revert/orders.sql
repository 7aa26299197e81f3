-- Revert shop:orders from pg

BEGIN;

DROP TABLE orders;
DROP TYPE order_status;

COMMIT;
