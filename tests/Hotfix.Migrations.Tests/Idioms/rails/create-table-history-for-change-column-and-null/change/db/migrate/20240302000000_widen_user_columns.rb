class WidenUserColumns < ActiveRecord::Migration[7.1]
  def up
    change_column :users, :name, :string, limit: 255
    change_column :users, :credit, :decimal, precision: 14, scale: 2
  end

  def down
    raise ActiveRecord::IrreversibleMigration
  end
end
