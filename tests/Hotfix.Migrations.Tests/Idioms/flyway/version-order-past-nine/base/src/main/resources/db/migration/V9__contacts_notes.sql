ALTER TABLE contacts ADD COLUMN notes text;
