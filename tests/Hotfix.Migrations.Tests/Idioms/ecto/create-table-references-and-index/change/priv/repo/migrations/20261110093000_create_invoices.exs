defmodule Shop.Repo.Migrations.CreateInvoices do
  use Ecto.Migration
  @disable_ddl_transaction true
  @disable_migration_lock true

  def change do
    create table(:invoices) do
      add :order_id, references(:orders, on_delete: :delete_all), null: false
      add :number, :string, size: 32, null: false

      timestamps()
    end

    create index(:invoices, [:order_id])
    create unique_index(:invoices, [:number])
    create index(:orders, [:status], concurrently: true)
  end
end
