class AddCustomerToOrders < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    add_reference :orders, :customer, index: { algorithm: :concurrently }, foreign_key: { validate: false }
  end
end
