-- flyway:executeInTransaction=false
CREATE INDEX IF NOT EXISTS order_events_kind_idx ON ONLY order_events (kind);
CREATE INDEX CONCURRENTLY IF NOT EXISTS order_events_2026_11_kind_idx ON order_events_2026_11 (kind);
ALTER INDEX order_events_kind_idx ATTACH PARTITION order_events_2026_11_kind_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS order_events_2026_12_kind_idx ON order_events_2026_12 (kind);
ALTER INDEX order_events_kind_idx ATTACH PARTITION order_events_2026_12_kind_idx;
CREATE INDEX order_events_order_idx ON order_events (order_id);
