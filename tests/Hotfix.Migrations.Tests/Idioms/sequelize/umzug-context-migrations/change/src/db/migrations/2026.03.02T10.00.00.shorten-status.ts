import { DataTypes, QueryInterface } from 'sequelize';

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.changeColumn('Orders', 'status', { type: DataTypes.STRING(10), allowNull: false });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.changeColumn('Orders', 'status', { type: DataTypes.STRING(40), allowNull: false });
}
