-- Some customer names are longer than 100 characters (INC-2026-0117).
ALTER TABLE customer ALTER COLUMN name TYPE varchar(200);
ALTER TABLE customer ALTER COLUMN credit TYPE numeric(14,2);
