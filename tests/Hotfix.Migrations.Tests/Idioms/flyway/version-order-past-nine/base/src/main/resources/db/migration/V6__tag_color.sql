ALTER TABLE tags ADD COLUMN color char(7);
