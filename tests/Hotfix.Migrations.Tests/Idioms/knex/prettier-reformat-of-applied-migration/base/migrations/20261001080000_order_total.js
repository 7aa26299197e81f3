exports.up = function(knex) {
  return knex.schema.alterTable('orders', function(table) {
    table.decimal('total', 12, 2).notNullable().defaultTo(0);
    table.index(['total'], 'orders_total_idx');
  });
};

exports.down = function(knex) {
  return knex.schema.alterTable('orders', function(table) {
    table.dropIndex(['total'], 'orders_total_idx');
    table.dropColumn('total');
  });
};
