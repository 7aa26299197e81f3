class AddChannelToOrders < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def up
    add_column :orders, :channel, :string
    add_index :orders, :status, algorithm: :concurrently
  end

  def down
    remove_column :orders, :channel
  end
end
