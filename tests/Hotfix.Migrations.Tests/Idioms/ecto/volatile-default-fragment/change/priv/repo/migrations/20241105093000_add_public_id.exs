defmodule Shop.Repo.Migrations.AddPublicId do
  use Ecto.Migration

  def change do
    alter table(:orders) do
      add :public_id, :uuid, default: fragment("gen_random_uuid()")
      add :legacy_ref, :string, default: "gen_random_uuid()"
      add :seen_at, :utc_datetime, default: fragment("now()")
    end
  end
end
