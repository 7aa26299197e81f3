class ShortenCodes < ActiveRecord::Migration[7.1]
  def up
    change_column :orders, :code, :string, limit: 10
    change_column :orders, :note, :string, limit: 200
  end

  def down
    change_column :orders, :note, :text
    change_column :orders, :code, :string, limit: 50
  end
end
