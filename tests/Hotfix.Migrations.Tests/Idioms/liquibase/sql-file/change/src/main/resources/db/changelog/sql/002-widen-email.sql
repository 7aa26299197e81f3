-- RFC 5321 allows 254 characters; some customers' addresses were cut.
ALTER TABLE customer ALTER COLUMN email TYPE varchar(320);
