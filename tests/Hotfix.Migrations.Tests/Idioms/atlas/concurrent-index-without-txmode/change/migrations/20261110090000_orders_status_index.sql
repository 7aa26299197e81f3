-- Atlas runs each file in a transaction unless its header says otherwise.
CREATE INDEX CONCURRENTLY "orders_status_idx" ON "orders" ("status");
