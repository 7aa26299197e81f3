ALTER TABLE customers ADD COLUMN full_name text NOT NULL DEFAULT '';
