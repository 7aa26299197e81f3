exports.up = function (knex) {
  return knex.schema.alterTable("orders", (table) => {
    table.timestamps(true, true);
  });
};

exports.down = function (knex) {
  return knex.schema.alterTable("orders", (table) => {
    table.dropTimestamps();
  });
};
