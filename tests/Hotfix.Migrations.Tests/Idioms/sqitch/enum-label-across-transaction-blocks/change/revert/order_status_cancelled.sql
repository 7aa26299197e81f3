-- Revert shop:order_status_cancelled from pg

UPDATE orders SET status = 'pending' WHERE status = 'cancelled';
