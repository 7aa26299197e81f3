defmodule Shop.Repo.Migrations.CreateOrders do
  use Ecto.Migration

  def change do
    create table(:orders) do
      add :status, :string, size: 32, null: false, default: "new"
      add :legacy_code, :string, size: 20
      add :note, :string, size: 500

      timestamps(type: :utc_datetime)
    end
  end
end
