class TidyUsers < ActiveRecord::Migration[7.1]
  def change
    change_table :users do |t|
      t.remove :legacy_token, type: :string
      t.string :timezone, :locale
      t.rename :name, :full_name
      t.index :timezone, algorithm: :concurrently
    end
  end
end
