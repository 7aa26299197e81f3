defmodule Shop.Repo.Migrations.CreateCustomers do
  use Ecto.Migration

  def change do
    create table(:customers) do
      add :email, :citext, null: false
      add :name, :string, size: 100
      add :legacy_code, :string, size: 20

      timestamps(type: :utc_datetime)
    end

    create unique_index(:customers, [:email])
  end
end
