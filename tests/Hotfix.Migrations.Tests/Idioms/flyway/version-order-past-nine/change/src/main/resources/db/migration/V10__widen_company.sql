-- Company names from the new CRM import run to 400 characters.
ALTER TABLE contacts ALTER COLUMN company TYPE varchar(500);
ALTER TABLE contacts ALTER COLUMN phone TYPE varchar(20);
