class AddCustomerToOrders < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    change_table :orders do |t|
      t.references :customer, index: { algorithm: :concurrently }, foreign_key: { validate: false }
    end
  end
end
