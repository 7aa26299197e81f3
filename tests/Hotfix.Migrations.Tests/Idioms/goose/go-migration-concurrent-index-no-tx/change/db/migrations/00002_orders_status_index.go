package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upOrdersStatusIndex, downOrdersStatusIndex)
}

func upOrdersStatusIndex(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status)")
	return err
}

func downOrdersStatusIndex(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "DROP INDEX CONCURRENTLY orders_status_idx")
	return err
}
