-- How to reset a local database:
DROP TABLE IF EXISTS sessions;
DROP TABLE IF EXISTS users;
