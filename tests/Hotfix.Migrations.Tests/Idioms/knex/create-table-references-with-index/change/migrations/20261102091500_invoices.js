exports.up = function (knex) {
  return knex.schema.createTable("invoices", (table) => {
    table.increments("id");
    table.integer("order_id").notNullable().references("orders.id").index();
    table.integer("issuer_id").references("id").inTable("users");
    table.index(["issuer_id", "id"]);
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable("invoices");
};
