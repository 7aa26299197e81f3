-- Revert shop:orders_placed_idx from pg

DROP INDEX CONCURRENTLY IF EXISTS orders_placed_idx;
