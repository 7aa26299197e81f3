class WidenTypes < ActiveRecord::Migration[7.1]
  def up
    safety_assured { change_column :orders, :quantity, :bigint }
    safety_assured { change_column :orders, :code, :text }
  end

  def down
    change_column :orders, :code, :string, limit: 50
    change_column :orders, :quantity, :integer
  end
end
