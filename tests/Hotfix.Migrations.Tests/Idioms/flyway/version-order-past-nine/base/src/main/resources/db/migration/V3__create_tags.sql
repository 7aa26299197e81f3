CREATE TABLE tags (
    id bigserial PRIMARY KEY,
    label varchar(60) NOT NULL
);
