defmodule Shop.Repo.Migrations.PurgeOrders do
  use Ecto.Migration

  def change do
    execute ~s"DELETE FROM orders"
    execute """
    alter table orders drop column note
    """, """
    alter table orders add column note text
    """
  end
end
