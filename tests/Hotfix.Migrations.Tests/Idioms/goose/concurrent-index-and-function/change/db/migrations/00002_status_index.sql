-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION orders_touch() RETURNS trigger AS $$
BEGIN
    NEW.created_at := COALESCE(NEW.created_at, now());
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
DROP FUNCTION IF EXISTS orders_touch();
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
