CREATE TABLE users (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    name varchar(200),
    note varchar(500),
    locale text
);
