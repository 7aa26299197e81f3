create type public.order_status as enum ('pending', 'paid', 'shipped');

create table public.orders (
  id bigint generated always as identity primary key,
  customer_id uuid not null,
  status public.order_status not null default 'pending'
);
