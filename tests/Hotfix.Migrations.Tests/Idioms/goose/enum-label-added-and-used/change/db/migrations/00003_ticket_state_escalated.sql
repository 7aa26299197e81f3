-- +goose NO TRANSACTION
-- +goose Up
ALTER TYPE ticket_state ADD VALUE IF NOT EXISTS 'escalated';
UPDATE tickets SET state = 'escalated' WHERE legacy_flag;

-- +goose Down
UPDATE tickets SET state = 'open' WHERE state = 'escalated';
