class DropLegacy < ActiveRecord::Migration[7.1]
  def up
    execute %q{ALTER TABLE users DROP COLUMN legacy_token}
    execute(%Q(DELETE FROM orders))
    execute %(UPDATE orders SET notes = 'n/a' WHERE notes IS NULL)
    execute %q(UPDATE users SET name = lower(name) WHERE admin)
  end

  def down
    execute %Q{ALTER TABLE users ADD COLUMN legacy_token varchar}
  end
end
