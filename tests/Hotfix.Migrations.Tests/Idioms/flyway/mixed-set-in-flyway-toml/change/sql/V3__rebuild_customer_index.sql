-- Flyway's list has REINDEX SCHEMA/DATABASE/SYSTEM only: it wraps this one, and PostgreSQL refuses it there.
REINDEX INDEX CONCURRENTLY invoices_customer_idx;
