defmodule Shop.Repo.Migrations.RemoveLegacy do
  use Ecto.Migration

  def change do
    alter table(:customers) do
      remove_if_exists :legacy_code, :string
    end
  end
end
