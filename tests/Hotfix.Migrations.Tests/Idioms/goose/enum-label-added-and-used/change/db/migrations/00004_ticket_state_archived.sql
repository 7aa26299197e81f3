-- +goose Up
ALTER TYPE ticket_state ADD VALUE IF NOT EXISTS 'archived';

-- +goose Down
SELECT 1;
