class AddCustomerToOrders < ActiveRecord::Migration[7.1]
  def change
    change_table :orders do |t|
      t.string :channel
      t.references :customer, index: false, foreign_key: { validate: false }
    end
  end
end
