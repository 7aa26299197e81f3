-- depends: 0002.drop-email
ALTER TABLE users DROP COLUMN name;
