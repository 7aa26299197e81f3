alter table public.orders enable row level security;

drop policy if exists "Users read own orders" on public.orders;
create policy "Users read own orders" on public.orders
  for select using (auth.uid() = user_id);

create or replace function public.order_total(order_id bigint)
returns numeric
language sql
stable
as $$
  select coalesce(sum(quantity * unit_price), 0) from public.order_lines where order_lines.order_id = order_total.order_id;
$$;

grant execute on function public.order_total(bigint) to authenticated;
