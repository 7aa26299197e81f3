class AddCustomerToOrders < ActiveRecord::Migration[7.1]
  def change
    add_reference :orders, :customer, index: false, foreign_key: { validate: false }
  end
end
