package migrations

import (
	"database/sql"

	"github.com/pressly/goose/v3"
)

func init() {
	goose.AddMigration(Up00002, nil)
}

func Up00002(tx *sql.Tx) error {
	rows, err := tx.Query("SELECT id FROM orders WHERE status = 'new'")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		if _, err := tx.Exec("UPDATE orders SET status = 'open' WHERE id = $1", id); err != nil {
			return err
		}
	}
	return rows.Err()
}
