UPDATE orders o SET total = f.new_total FROM order_total_fix f WHERE f.order_id = o.id;
DROP TABLE order_total_fix;
DROP TABLE customers;
