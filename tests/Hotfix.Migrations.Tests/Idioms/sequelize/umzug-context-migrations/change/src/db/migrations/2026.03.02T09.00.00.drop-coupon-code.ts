import { DataTypes } from 'sequelize';
import type { Migration } from '../umzug';

export const up: Migration = async ({ context: queryInterface }) => {
  await queryInterface.removeColumn('Orders', 'couponCode');
};

export const down: Migration = async ({ context: queryInterface }) => {
  await queryInterface.addColumn('Orders', 'couponCode', { type: DataTypes.STRING(30), allowNull: true });
};
