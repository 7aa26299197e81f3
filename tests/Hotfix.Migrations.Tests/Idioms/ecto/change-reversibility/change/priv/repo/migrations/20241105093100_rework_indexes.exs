defmodule Shop.Repo.Migrations.ReworkIndexes do
  use Ecto.Migration
  @disable_ddl_transaction true
  @disable_migration_lock true

  def change do
    create index(:orders, [:customer_id, :status], concurrently: true)
    drop index(:orders, [:customer_id], concurrently: true)
    drop_if_exists index("customers", ["email"], concurrently: true)
  end
end
