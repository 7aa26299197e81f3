exports.up = async function (knex) {
  await knex.raw(
    'UPDATE orders SET status = \'archived\' ' +
    `WHERE status = 'closed'`
  );
  await knex.raw(
    ('ALTER TABLE orders ' + // the note moved to order_notes in 20261101
      /* keep the column list short */ 'DROP COLUMN legacy_note')
  );
};

exports.down = async function (knex) {
  await knex.raw('ALTER TABLE orders ADD COLUMN legacy_note text');
};
