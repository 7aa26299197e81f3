ALTER TABLE customer ALTER COLUMN name TYPE varchar(50);
ALTER TABLE customer ALTER COLUMN credit TYPE numeric(8,2);
