exports.up = async function (knex) {
  await knex.schema.alterTable("users", (table) => {
    table.string("email", 320).alter();
    table.string("name", 200).notNullable().alter();
  });
  await knex.schema.alterTable("orders", (table) => {
    table.string("status", 40).notNullable().defaultTo("pending").alter();
    table.text("note").alter();
  });
};

exports.down = function () {
  // lengthening only: nothing to undo
};
