-- Revert shop:order_status_refunded from pg
-- PostgreSQL cannot drop an enum label; the rows go back to paid.

UPDATE orders SET status = 'paid' WHERE status = 'refunded';
