-- +goose Up
-- +goose StatementBegin
SELECT 'up SQL query';
ALTER TABLE orders ADD COLUMN note text;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
SELECT 'down SQL query';
ALTER TABLE orders DROP COLUMN note;
-- +goose StatementEnd
