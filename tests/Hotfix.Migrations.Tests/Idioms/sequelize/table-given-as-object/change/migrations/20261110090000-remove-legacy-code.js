'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface) {
    await queryInterface.removeColumn({ tableName: 'Orders', schema: 'public' }, 'legacyCode');
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.addColumn({ tableName: 'Orders', schema: 'public' }, 'legacyCode', { type: Sequelize.STRING(20) });
  },
};
