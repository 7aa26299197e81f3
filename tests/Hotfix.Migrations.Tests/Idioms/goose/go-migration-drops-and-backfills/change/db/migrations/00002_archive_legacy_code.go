package migrations

import (
	"context"
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigrationContext(upArchiveLegacyCode, downArchiveLegacyCode)
}

// upArchiveLegacyCode moves the legacy codes into a note, then drops the column.
func upArchiveLegacyCode(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `ALTER TABLE orders ADD COLUMN note text`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE orders SET note = legacy_code WHERE legacy_code IS NOT NULL"); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `
		ALTER TABLE orders DROP COLUMN legacy_code;
	`)
	return err
}

func downArchiveLegacyCode(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, "ALTER TABLE orders ADD COLUMN legacy_code varchar(20)"); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "ALTER TABLE orders DROP COLUMN note")
	return err
}
