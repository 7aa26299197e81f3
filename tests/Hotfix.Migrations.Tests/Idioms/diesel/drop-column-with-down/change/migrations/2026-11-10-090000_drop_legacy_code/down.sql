-- This file should undo anything in `up.sql`
ALTER TABLE orders ADD COLUMN legacy_code VARCHAR(20);
