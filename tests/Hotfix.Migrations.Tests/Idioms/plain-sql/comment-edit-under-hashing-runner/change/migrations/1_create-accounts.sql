-- Accounts of the ledger (one per customer and currency).
CREATE TABLE accounts (id bigserial PRIMARY KEY, owner text NOT NULL, balance numeric(14,2) NOT NULL DEFAULT 0);
