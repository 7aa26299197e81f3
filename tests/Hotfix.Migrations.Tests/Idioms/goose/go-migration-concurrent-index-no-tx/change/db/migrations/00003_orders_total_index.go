package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationNoTxContext(upOrdersTotalIndex, downOrdersTotalIndex)
}

func upOrdersTotalIndex(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total)")
	return err
}

func downOrdersTotalIndex(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "DROP INDEX CONCURRENTLY orders_total_idx")
	return err
}
