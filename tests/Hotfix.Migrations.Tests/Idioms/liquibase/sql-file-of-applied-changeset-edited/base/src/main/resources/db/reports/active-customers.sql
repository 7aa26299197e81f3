SELECT id, email FROM customer WHERE created_at > now() - interval '30 days';
