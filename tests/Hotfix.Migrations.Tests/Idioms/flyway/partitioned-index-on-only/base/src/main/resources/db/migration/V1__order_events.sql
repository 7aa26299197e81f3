CREATE TABLE order_events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    order_id bigint NOT NULL,
    kind text NOT NULL,
    created_at timestamptz NOT NULL
) PARTITION BY RANGE (created_at);

CREATE TABLE order_events_2026_11 PARTITION OF order_events FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');
CREATE TABLE order_events_2026_12 PARTITION OF order_events FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
