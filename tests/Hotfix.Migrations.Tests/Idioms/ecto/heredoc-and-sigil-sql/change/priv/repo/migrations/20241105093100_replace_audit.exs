defmodule Shop.Repo.Migrations.ReplaceAudit do
  use Ecto.Migration

  def change do
    execute ~s(DROP TABLE IF EXISTS legacy_audit), ~s(CREATE TABLE legacy_audit (id bigserial primary key))
    execute(~S[UPDATE orders SET note = 'n/a' WHERE note IS NULL], ~S[UPDATE orders SET note = NULL WHERE note = 'n/a'])
  end
end
