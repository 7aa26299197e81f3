defmodule Shop.Repo.Migrations.DropLegacySql do
  use Ecto.Migration

  def up do
    execute """
ALTER TABLE customers DROP COLUMN legacy_code
"""
  end

  def down do
    execute """
    ALTER TABLE customers ADD COLUMN legacy_code varchar(20)
    """
  end
end
