'use strict';

module.exports = {
  up: async (queryInterface) => {
    await queryInterface.addIndex('Orders', ['customerId'], { concurrently: true, name: 'orders_customer_id' });
    await queryInterface.addConstraint('Orders', {
      fields: ['customerId'],
      type: 'foreign key',
      name: 'orders_customer_fk',
      references: { table: 'Customers', field: 'id' },
      onDelete: 'cascade',
    });
  },

  down: async (queryInterface) => {
    await queryInterface.removeConstraint('Orders', 'orders_customer_fk');
    await queryInterface.removeIndex('Orders', 'orders_customer_id', { concurrently: true });
  },
};
