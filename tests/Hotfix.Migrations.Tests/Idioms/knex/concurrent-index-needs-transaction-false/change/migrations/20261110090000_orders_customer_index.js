exports.up = function (knex) {
  return knex.raw("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (user_id)");
};

exports.down = function (knex) {
  return knex.raw("DROP INDEX CONCURRENTLY orders_customer_idx");
};
