CREATE INDEX contacts_email_idx ON contacts (email);
