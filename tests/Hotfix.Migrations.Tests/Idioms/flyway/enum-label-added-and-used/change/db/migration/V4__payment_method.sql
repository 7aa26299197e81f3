-- A type created in the same migration may use the label it gains there at once.
CREATE TYPE payment_method AS ENUM ('card', 'transfer');
ALTER TYPE payment_method ADD VALUE 'cash';
CREATE TABLE payments (id bigserial PRIMARY KEY, invoice_id bigint NOT NULL, method payment_method NOT NULL DEFAULT 'cash');
