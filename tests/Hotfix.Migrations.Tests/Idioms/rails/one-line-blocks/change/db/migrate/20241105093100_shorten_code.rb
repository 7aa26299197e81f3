class ShortenCode < ActiveRecord::Migration[7.1]
  def up
    safety_assured { change_column :orders, :code, :string, limit: 20 }
    safety_assured { change_column :orders, :total, :decimal, precision: 8, scale: 2 }
  end

  def down
    change_column :orders, :total, :decimal, precision: 10, scale: 2
    change_column :orders, :code, :string, limit: 50
  end
end
