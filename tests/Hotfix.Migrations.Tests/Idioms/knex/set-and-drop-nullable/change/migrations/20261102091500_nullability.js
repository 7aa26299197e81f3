exports.up = function (knex) {
  return knex.schema.alterTable("users", (table) => {
    table.dropNullable("name");
    table.setNullable("email");
  });
};

exports.down = function (knex) {
  return knex.schema.alterTable("users", (table) => {
    table.dropNullable("email");
    table.setNullable("name");
  });
};
