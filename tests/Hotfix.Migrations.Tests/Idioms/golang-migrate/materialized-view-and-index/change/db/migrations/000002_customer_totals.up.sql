CREATE MATERIALIZED VIEW IF NOT EXISTS customer_totals AS
SELECT c.id AS customer_id, count(o.id) AS orders
  FROM customers c
  LEFT JOIN orders o ON o.id = c.id
 GROUP BY c.id
WITH DATA;

CREATE UNIQUE INDEX IF NOT EXISTS customer_totals_customer_id_key ON customer_totals (customer_id);
