exports.up = async function (knex) {
  await knex.schema.alterTable("users", (table) => {
    table
      .bigInteger("login_count")
      .notNullable()
      .defaultTo(0)
      .alter();
    table.string("bio", 1000).alter();
    table.string("name", 50).alter();
  });
  await knex.schema.alterTable("orders", (table) => {
    table.specificType("legacy_code", "varchar(64)").alter();
    table.decimal("total", 14, 2).notNullable().alter();
    table.decimal("discount", 12, 2).alter();
    table.double("weight").alter();
    table.specificType("ship_date", "date").alter();
    table.datetime("paid_at").alter();
    table.jsonb("meta").alter();
    table.smallint("priority").alter();
  });
};

exports.down = function () {
  // widening only: nothing to undo
};
