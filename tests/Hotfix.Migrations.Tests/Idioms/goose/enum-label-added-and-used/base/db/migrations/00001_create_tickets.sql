-- +goose Up
CREATE TYPE ticket_state AS ENUM ('open', 'closed');
CREATE TABLE tickets (id bigserial PRIMARY KEY, state ticket_state NOT NULL DEFAULT 'open', legacy_flag boolean NOT NULL DEFAULT false);

-- +goose Down
DROP TABLE tickets;
DROP TYPE ticket_state;
