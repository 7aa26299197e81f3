-- atlas:txmode none

-- Create index "orders_status_idx" to table: "orders"
CREATE INDEX CONCURRENTLY "orders_status_idx" ON "orders" ("status");
