CREATE TABLE entries (id bigserial PRIMARY KEY, account_id bigint NOT NULL, amount numeric(14,2) NOT NULL);
