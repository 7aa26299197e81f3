const { DataTypes } = require('sequelize');

async function up({ context: sequelize }) {
  await sequelize.getQueryInterface().changeColumn('Orders', 'status', { type: DataTypes.STRING(40), allowNull: false });
}

async function down({ context: sequelize }) {
  await sequelize.getQueryInterface().changeColumn('Orders', 'status', { type: DataTypes.STRING(20), allowNull: false });
}

module.exports = { up, down };
