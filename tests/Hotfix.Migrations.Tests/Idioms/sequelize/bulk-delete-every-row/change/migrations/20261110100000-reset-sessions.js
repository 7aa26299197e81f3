'use strict';

module.exports = {
  async up(queryInterface) {
    await queryInterface.bulkDelete('Sessions', null, {});
    await queryInterface.bulkUpdate('Orders', { status: 'archived' }, { status: 'stale' });
    await queryInterface.sequelize.query('DELETE FROM "AuditLog" WHERE "createdAt" < now() - interval \'2 years\'');
  },

  async down() {
    // Sessions cannot come back.
  },
};
