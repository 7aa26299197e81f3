-- Deploy shop:orders_total to pg

BEGIN;

CREATE OR REPLACE FUNCTION orders_total(order_id integer) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT coalesce(sum(quantity * unit_price), 0) - coalesce((SELECT sum(amount) FROM refunds WHERE refunds.order_id = $1), 0)
    FROM order_lines WHERE order_lines.order_id = $1;
$$;

COMMIT;
