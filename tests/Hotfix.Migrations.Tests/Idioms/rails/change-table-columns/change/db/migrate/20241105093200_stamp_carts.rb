class StampCarts < ActiveRecord::Migration[7.1]
  def change
    change_table :carts do |t|
      t.timestamps
      t.remove :coupon
      t.change_null :total, false
    end
  end
end
