-- Revert shop:orders_total from pg

BEGIN;

DROP FUNCTION orders_total(integer);

COMMIT;
