ALTER TABLE users ADD COLUMN email_lower text;
UPDATE users SET email_lower = lower(email) WHERE email IS NOT NULL;
UPDATE users SET email = email_lower WHERE email_lower IS NOT NULL;
ALTER TABLE users DROP COLUMN email_lower;
ALTER TABLE users DROP COLUMN legacy_email;
