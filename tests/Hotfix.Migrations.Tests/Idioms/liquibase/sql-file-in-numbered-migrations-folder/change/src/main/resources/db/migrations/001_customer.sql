CREATE TABLE customer (
    id          bigserial PRIMARY KEY,
    email       varchar(320) NOT NULL,
    legacy_code varchar(20)
);
