CREATE TABLE customer (
    id          bigserial PRIMARY KEY,
    email       varchar(320) NOT NULL,
    legacy_code varchar(20),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_customer_email ON customer (email);
