exports.up = function (knex) {
  return knex.schema.alterTable("orders", (table) => {
    table.integer("customer_id").unsigned().references("id").inTable("customers");
  });
};

exports.down = function (knex) {
  return knex.schema.alterTable("orders", (table) => {
    table.dropColumn("customer_id");
  });
};
