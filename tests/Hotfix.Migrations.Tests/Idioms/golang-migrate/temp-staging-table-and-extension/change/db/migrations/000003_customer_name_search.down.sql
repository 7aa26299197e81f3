DROP INDEX CONCURRENTLY IF EXISTS customers_name_trgm_idx;
