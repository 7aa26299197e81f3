class BackfillAndTidy < ActiveRecord::Migration[7.1]
  def change
    reversible do |direction|
      direction.up { execute "UPDATE orders SET status = 'open'" }
      direction.down { execute "UPDATE orders SET status = 'pending' WHERE status = 'open'" }
    end

    execute "DROP VIEW IF EXISTS order_totals"
  end
end
