--liquibase formatted sql

--changeset crm:003-normalize-email runOnChange:true splitStatements:false
CREATE OR REPLACE FUNCTION normalize_email(e text) RETURNS text AS $$
  SELECT lower(e);
$$ LANGUAGE sql IMMUTABLE;
--rollback DROP FUNCTION normalize_email(text);

--changeset crm:004-customer-phone
ALTER TABLE customer ADD COLUMN phone varchar(40);
--rollback ALTER TABLE customer DROP COLUMN phone;
