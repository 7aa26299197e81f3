CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL, placed_at timestamptz NOT NULL);
