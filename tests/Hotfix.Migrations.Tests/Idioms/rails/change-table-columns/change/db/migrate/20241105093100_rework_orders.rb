class ReworkOrders < ActiveRecord::Migration[7.1]
  def up
    change_table :orders do |t|
      t.rename :notes, :remarks
      t.change :code, :string, limit: 10
      t.remove_references :user, foreign_key: true
      t.column :priority, :integer, null: false
      t.timestamps null: true
    end
  end

  def down
    raise ActiveRecord::IrreversibleMigration
  end
end
