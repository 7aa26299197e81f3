class LinkOrdersToBuyers < ActiveRecord::Migration[7.1]
  def change
    add_column :orders, :buyer_id, :bigint
    add_foreign_key :orders, :customers, column: :buyer_id, validate: false
  end
end
