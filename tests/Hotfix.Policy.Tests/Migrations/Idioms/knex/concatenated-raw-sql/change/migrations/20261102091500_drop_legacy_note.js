exports.up = async function (knex) {
  await knex.raw(
    'UPDATE orders SET status = \'archived\' ' +
    `WHERE status = 'closed'`
  );
  await knex.raw('ALTER TABLE orders ' + 'DROP COLUMN legacy_note');
};

exports.down = async function (knex) {
  await knex.raw('ALTER TABLE orders ADD COLUMN legacy_note text');
};
