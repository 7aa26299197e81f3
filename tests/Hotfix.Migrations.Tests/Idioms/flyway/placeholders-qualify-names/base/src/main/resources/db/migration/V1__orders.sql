CREATE TABLE ${schema}.orders (
    id bigserial PRIMARY KEY,
    legacy_ref varchar(40),
    note varchar(200)
);
CREATE TABLE ${flyway:defaultSchema}.order_items (
    id bigserial PRIMARY KEY,
    order_id bigint NOT NULL
);
