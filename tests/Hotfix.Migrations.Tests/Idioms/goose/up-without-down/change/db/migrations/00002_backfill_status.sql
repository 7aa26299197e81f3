-- +goose Up
UPDATE orders SET status = 'archived' WHERE created_at < now() - interval '2 years' AND status = 'new';
