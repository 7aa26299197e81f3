class LinkOrdersToBuyers < ActiveRecord::Migration[7.1]
  def change
    change_table :orders do |t|
      t.bigint :buyer_id
      t.foreign_key :buyers, validate: false
      t.bigint :seller_id, index: true
      t.foreign_key :sellers, validate: false
    end
  end
end
