defmodule Shop.Repo.Migrations.OrdersStatusIndex do
  use Ecto.Migration

  def change do
    create index(:orders, [:status], concurrently: true)
  end
end
