ALTER TABLE contacts ADD COLUMN source varchar(30) NOT NULL DEFAULT 'import';
