ALTER TABLE customer ALTER COLUMN email TYPE varchar(200);
