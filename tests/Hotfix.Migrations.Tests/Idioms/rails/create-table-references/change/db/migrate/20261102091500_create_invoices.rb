class CreateInvoices < ActiveRecord::Migration[7.1]
  def change
    create_table :invoices do |t|
      t.references :order, null: false, foreign_key: true
      t.references :issuer, foreign_key: { to_table: :users }, index: false
      t.string :number, null: false
      t.timestamps
    end
  end
end
