defmodule Shop.Repo.Migrations.AddChecks do
  use Ecto.Migration

  def change do
    create constraint("orders", "quantity_must_be_positive", check: "quantity > 0", validate: false)
    create constraint(:orders, :reference_not_blank, check: "reference <> ''")
  end
end
