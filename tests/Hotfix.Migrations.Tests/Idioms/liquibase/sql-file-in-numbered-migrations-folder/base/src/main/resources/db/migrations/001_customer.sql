CREATE TABLE customer (
    id          bigserial PRIMARY KEY,
    email       varchar(200) NOT NULL,
    legacy_code varchar(20)
);
