defmodule Shop.Repo.Migrations.CreateOrders do
  use Ecto.Migration

  def change do
    create table(:orders) do
      add :customer_id, references(:customers, on_delete: :delete_all), null: false
      add :status, :string, size: 32, null: false, default: "new"
      add :reference, :string, size: 64
      add :quantity, :integer
      add :note, :text

      timestamps(type: :utc_datetime)
    end

    create index(:orders, [:customer_id])
  end
end
