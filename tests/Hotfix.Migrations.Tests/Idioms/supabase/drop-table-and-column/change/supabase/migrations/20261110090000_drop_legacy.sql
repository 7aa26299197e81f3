drop table if exists public.legacy_orders;

alter table public.orders drop column legacy_code;
