UPDATE users u SET email = f.email FROM email_fix f WHERE f.user_id = u.id;
DROP TABLE email_fix;
DROP TABLE sessions;
