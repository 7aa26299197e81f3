class CreateUsers < ActiveRecord::Migration[7.1]
  def change
    create_table :users do |t|
      t.string :email, null: false
      t.string :name, limit: 100
      t.text :bio
      t.decimal :credit, precision: 10, scale: 2, null: false, default: 0
      t.references :team, null: false, foreign_key: true
      t.timestamps
    end
  end
end
