CREATE TABLE orders (
    id BIGSERIAL PRIMARY KEY,
    legacy_code VARCHAR(20),
    note TEXT
);
