CREATE TABLE contacts (id bigserial PRIMARY KEY, email text NOT NULL, fax text);
