CREATE TABLE customer (
    id         bigint       PRIMARY KEY,
    name       varchar(100) NOT NULL,
    -- credit limit in the account's currency
    credit     numeric(10,2) NOT NULL DEFAULT 0,
    created_at timestamp with time zone NOT NULL DEFAULT now()
);
