'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('Orders', 'publicId', { type: Sequelize.UUID, allowNull: false, defaultValue: Sequelize.UUIDV4 });
    await queryInterface.addColumn('Orders', 'placedAt', { type: Sequelize.DATE, allowNull: false, defaultValue: Sequelize.NOW });
    await queryInterface.addColumn('Orders', 'confirmedAt', { type: Sequelize.DATE, allowNull: false, defaultValue: Sequelize.fn('now') });
    await queryInterface.addColumn('Orders', 'currency', { type: Sequelize.STRING(3), allowNull: false, defaultValue: 'EUR' });
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('Orders', 'currency');
    await queryInterface.removeColumn('Orders', 'confirmedAt');
    await queryInterface.removeColumn('Orders', 'placedAt');
    await queryInterface.removeColumn('Orders', 'publicId');
  },
};
