DELETE FROM contacts;
INSERT INTO contacts (email) VALUES ('demo@example.com');
