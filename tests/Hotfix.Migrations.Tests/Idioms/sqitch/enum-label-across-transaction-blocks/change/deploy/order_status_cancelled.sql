-- Deploy shop:order_status_cancelled to pg
-- The label commits in a transaction of its own before the second block uses it.

BEGIN;
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'cancelled';
COMMIT;

BEGIN;
UPDATE orders SET status = 'cancelled' WHERE status = 'pending' AND id IN (SELECT order_id FROM cancellations);
COMMIT;
