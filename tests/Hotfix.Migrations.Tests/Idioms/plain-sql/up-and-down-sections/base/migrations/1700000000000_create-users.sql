-- Up Migration
CREATE TABLE users (id bigserial PRIMARY KEY, email text NOT NULL, name text);

-- Down Migration
DROP TABLE users;
