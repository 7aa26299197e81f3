CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_name_trgm_idx ON customers USING gin (name gin_trgm_ops);

-- Staging for the report check below; gone at the end of the transaction.
CREATE TEMP TABLE duplicate_names (name text) ON COMMIT DROP;
INSERT INTO duplicate_names SELECT name FROM customers GROUP BY name HAVING count(*) > 1;
