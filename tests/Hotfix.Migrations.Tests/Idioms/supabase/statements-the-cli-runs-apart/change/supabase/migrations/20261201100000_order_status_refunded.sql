alter type public.order_status add value if not exists 'refunded';
update public.orders set status = 'refunded' where status = 'paid' and customer_id is null;
