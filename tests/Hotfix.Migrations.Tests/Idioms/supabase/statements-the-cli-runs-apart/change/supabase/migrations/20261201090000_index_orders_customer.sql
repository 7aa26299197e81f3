set lock_timeout = '5s';
create index concurrently if not exists orders_customer_id_idx on public.orders (customer_id);
