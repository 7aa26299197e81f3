ALTER TABLE stores ADD COLUMN region varchar(8);
ALTER TABLE stores ALTER COLUMN region TYPE varchar(16);
