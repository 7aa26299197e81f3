import { DataTypes } from 'sequelize';
import type { Migration } from '../umzug';

export const up: Migration = async ({ context: queryInterface }) => {
  await queryInterface.createTable('Orders', {
    id: { type: DataTypes.INTEGER, allowNull: false, autoIncrement: true, primaryKey: true },
    status: { type: DataTypes.STRING(20), allowNull: false },
    couponCode: { type: DataTypes.STRING(30), allowNull: true },
    createdAt: { type: DataTypes.DATE, allowNull: false },
  });
};

export const down: Migration = async ({ context: queryInterface }) => {
  await queryInterface.dropTable('Orders');
};
