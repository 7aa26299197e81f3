'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface) {
    await queryInterface.removeColumn('Orders', 'legacyCode');
    await queryInterface.changeColumn('Orders', 'note', { type: Sequelize.STRING(100) });
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.changeColumn('Orders', 'note', { type: Sequelize.STRING(500) });
    await queryInterface.addColumn('Orders', 'legacyCode', { type: Sequelize.STRING(20) });
  },
};
