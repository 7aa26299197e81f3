-- Deploy shop:order_status_refunded to pg

BEGIN;

ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';
UPDATE orders SET status = 'refunded' WHERE status = 'paid' AND id IN (SELECT order_id FROM refunds);

COMMIT;
