class CreateOrders < ActiveRecord::Migration[7.1]
  def change
    create_table :orders do |t|
      t.references :user, null: false, foreign_key: true
      t.string :status, null: false, default: "pending"
      t.string :code, limit: 50
      t.decimal :total, precision: 10, scale: 2
      t.text :notes
      t.integer :quantity

      t.timestamps
    end
  end
end
