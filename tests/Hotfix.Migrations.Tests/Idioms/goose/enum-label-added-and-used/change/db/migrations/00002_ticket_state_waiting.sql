-- +goose Up
ALTER TYPE ticket_state ADD VALUE IF NOT EXISTS 'waiting';
UPDATE tickets SET state = 'waiting' WHERE legacy_flag;

-- +goose Down
UPDATE tickets SET state = 'open' WHERE state = 'waiting';
