-- Revert shop:orders_customer_idx from pg

BEGIN;

DROP INDEX CONCURRENTLY orders_customer_idx;

COMMIT;
