defmodule Shop.Repo.Migrations.TidyOrders do
  use Ecto.Migration

  # Ecto reverses change: remove carries its type, modify its from:.
  def change do
    alter table(:orders) do
      remove :legacy_code, :string, size: 20
      modify :status, :string, size: 64, from: {:string, size: 32}
      modify :note, :string, size: 100, from: {:string, size: 500}
    end

    rename table(:orders), :note, to: :remark
  end
end
