ALTER TABLE contacts ADD COLUMN company varchar(255);
