class TidyOrders < ActiveRecord::Migration[7.1]
  disable_ddl_transaction!

  def change
    remove_index :orders, :legacy_code, algorithm: :concurrently
    remove_foreign_key :orders, :coupons
    change_column_default :orders, :status, from: nil, to: "pending"
    change_column_null :orders, :note, true
    rename_column :orders, :qty, :quantity
    add_index :orders, :status, algorithm: :concurrently
  end
end
