class CreateInvoices < ActiveRecord::Migration[7.1]
  def change
    create_table :invoices do |t|
      t.bigint :buyer_id
      t.foreign_key :buyers
      t.bigint :order_id, index: true
      t.foreign_key :orders
    end
  end
end
