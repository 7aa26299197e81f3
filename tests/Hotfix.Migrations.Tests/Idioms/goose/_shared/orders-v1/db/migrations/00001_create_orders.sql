-- +goose Up
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    status text NOT NULL DEFAULT 'new',
    legacy_code varchar(20),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE orders;
