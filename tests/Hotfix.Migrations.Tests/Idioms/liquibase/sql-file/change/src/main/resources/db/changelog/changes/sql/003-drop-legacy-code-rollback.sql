ALTER TABLE customer ADD COLUMN legacy_code varchar(20);
