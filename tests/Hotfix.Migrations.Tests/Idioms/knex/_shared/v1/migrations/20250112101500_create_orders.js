exports.up = function (knex) {
  return knex.schema.createTable("orders", function (table) {
    table.bigIncrements("id");
    table.integer("user_id").unsigned().notNullable().references("id").inTable("users").index();
    table.string("status", 20).notNullable().defaultTo("pending");
    table.decimal("total", 10, 2).notNullable();
    table.decimal("discount");
    table.string("legacy_code", 20);
    table.float("weight");
    table.date("ship_date");
    table.timestamp("paid_at");
    table.json("meta");
    table.tinyint("priority");
    table.text("note");
  });
};

exports.down = function (knex) {
  return knex.schema.dropTable("orders");
};
