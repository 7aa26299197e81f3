class AddChannel < ActiveRecord::Migration[7.1]
  def change
    safety_assured { add_column :orders, :channel, :string, null: false }
    safety_assured { remove_column :users, :legacy_token, :string }
    reversible { |dir| dir.up { change_column :orders, :notes, :string, limit: 500 }; dir.down { change_column :orders, :notes, :text } }
  end
end
