-- Verify shop:orders_total on pg

SELECT orders_total(1);
