class AddPublicIdToOrders < ActiveRecord::Migration[7.1]
  def change
    add_column :orders, :public_id, :uuid, default: -> { "gen_random_uuid()" }, null: false
    add_column :orders, :legacy_ref, :string, default: "gen_random_uuid()"
    add_column :orders, :seen_at, :datetime, default: -> { "now()" }, null: false
    change_table :users do |t|
      t.uuid :token, default: -> { 'gen_random_uuid()' }
    end
  end
end
