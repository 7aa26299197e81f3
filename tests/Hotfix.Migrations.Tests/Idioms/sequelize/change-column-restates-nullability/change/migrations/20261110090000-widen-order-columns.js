'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('Orders', 'customerId', { type: Sequelize.BIGINT });
    await queryInterface.changeColumn('Orders', 'legacyCode', { type: Sequelize.STRING(40) });
    await queryInterface.changeColumn('Orders', 'createdAt', { type: Sequelize.DATE, allowNull: false });
    await queryInterface.changeColumn('Orders', 'note', {
      type: Sequelize.TEXT,
      allowNull: false,
    });
  },

  async down() {
    // widening only: nothing to undo
  },
};
