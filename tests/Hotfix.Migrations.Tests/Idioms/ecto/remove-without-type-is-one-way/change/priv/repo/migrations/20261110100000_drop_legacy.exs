defmodule Shop.Repo.Migrations.DropLegacy do
  use Ecto.Migration

  def change do
    alter table(:orders) do
      remove :legacy_code
    end

    execute "UPDATE orders SET status = 'archived' WHERE status = 'stale'"
  end
end
