ALTER TYPE order_status RENAME VALUE 'cancelled' TO 'canceled';
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'paid';
DROP TYPE IF EXISTS legacy_channel CASCADE;
