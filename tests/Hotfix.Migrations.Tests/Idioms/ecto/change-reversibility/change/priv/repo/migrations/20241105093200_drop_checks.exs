defmodule Shop.Repo.Migrations.DropChecks do
  use Ecto.Migration

  def change do
    drop index(:orders, [:reference])
    drop constraint(:orders, :quantity_must_be_positive)
  end
end
