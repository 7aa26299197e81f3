class AddRegionToOrders < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def up
    add_column :orders, :region, :string
    add_index :orders, :region, algorithm: :concurrently
    add_index :orders, [:region, :status], algorithm: :concurrently
  end

  def down
    remove_column :orders, :region
  end
end
