-- +goose Up
-- +goose StatementBegin
ALTER TABLE orders DROP COLUMN legacy_code;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
SELECT 'down SQL query';
-- +goose StatementEnd
