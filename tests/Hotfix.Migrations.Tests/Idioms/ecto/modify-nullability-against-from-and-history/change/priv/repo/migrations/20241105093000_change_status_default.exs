defmodule Shop.Repo.Migrations.ChangeStatusDefault do
  use Ecto.Migration

  def change do
    alter table(:orders) do
      modify :status, :string, size: 32, null: false, default: "pending", from: {:string, size: 32, null: false, default: "new"}
      modify :reference, :string, size: 64, null: false, from: {:string, size: 64, null: true}
    end
  end
end
