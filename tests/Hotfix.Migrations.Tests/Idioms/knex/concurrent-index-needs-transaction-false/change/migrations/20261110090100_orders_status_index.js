exports.config = { transaction: false };

exports.up = function (knex) {
  return knex.raw("CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status)");
};

exports.down = function (knex) {
  return knex.raw("DROP INDEX CONCURRENTLY orders_status_idx");
};
