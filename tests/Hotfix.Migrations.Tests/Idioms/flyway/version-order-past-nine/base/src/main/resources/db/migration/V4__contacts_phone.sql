ALTER TABLE contacts ADD COLUMN phone varchar(40);
