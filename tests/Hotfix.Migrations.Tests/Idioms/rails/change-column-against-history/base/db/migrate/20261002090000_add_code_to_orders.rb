class AddCodeToOrders < ActiveRecord::Migration[7.1]
  def change
    add_column :orders, :code, :string, limit: 50
  end
end
