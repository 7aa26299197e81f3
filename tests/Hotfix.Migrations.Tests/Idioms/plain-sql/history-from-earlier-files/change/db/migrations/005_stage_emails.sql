CREATE TABLE email_fix (user_id bigint PRIMARY KEY, email text NOT NULL);
INSERT INTO email_fix (user_id, email)
SELECT id, lower(email) FROM users WHERE email <> lower(email);
