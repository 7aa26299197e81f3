class RequireUserName < ActiveRecord::Migration[7.1]
  def up
    change_column :users, :name, :string, null: false
    change_column :users, :email, :string, null: false
    change_column :users, :legacy_token, :string, null: true
    change_column :users, :admin, :boolean, null: true
  end

  def down
    change_column :users, :admin, :boolean, null: false
    change_column :users, :legacy_token, :string, null: true
    change_column :users, :email, :string, null: false
    change_column :users, :name, :string, null: true
  end
end
