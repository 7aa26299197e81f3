CREATE INDEX customer_totals_orders_idx ON customer_totals (orders);
