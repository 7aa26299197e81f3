-- depends: 0001.create-users
ALTER TABLE users DROP COLUMN email;
