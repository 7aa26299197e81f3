class UpdateActiveUsersToVersion2 < ActiveRecord::Migration[7.1]
  def change
    update_view :active_users, version: 2, revert_to_version: 1
    drop_view :stale_orders, revert_to_version: 3, materialized: true
    remove_index :orders, :status
    remove_foreign_key :orders, :users
    change_column_default :orders, :state, from: "new", to: "pending"
  end
end
