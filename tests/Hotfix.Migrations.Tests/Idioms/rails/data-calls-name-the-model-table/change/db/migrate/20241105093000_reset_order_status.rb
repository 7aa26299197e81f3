class ResetOrderStatus < ActiveRecord::Migration[7.1]
  class MigrationUser < ApplicationRecord
    self.table_name = "users"
  end

  def up
    Order.update_all(status: "pending")
    Shop::OrderItem.delete_all
    Category.where(archived: true).delete_all
    MigrationUser.update_all(admin: false)
    MigrationUser.where(name: nil).in_batches(of: 1000) do |relation|
      relation.update_all(name: "anonymous")
    end
  end

  def down; end
end
