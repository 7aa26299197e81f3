defmodule Shop.Repo.Migrations.Tighten do
  use Ecto.Migration

  def change do
    alter table(:orders) do
      modify :note, :text, null: true
      modify :quantity, :integer, null: false
    end

    alter table(:customers) do
      modify :email, :citext, null: false
    end
  end
end
