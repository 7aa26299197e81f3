import { Sequelize } from 'sequelize';
import { Umzug, SequelizeStorage } from 'umzug';

export const sequelize = new Sequelize(process.env.DATABASE_URL as string, { dialect: 'postgres', logging: false });

export const migrator = new Umzug({
  migrations: { glob: ['migrations/*.{ts,js}', { cwd: __dirname }] },
  context: sequelize.getQueryInterface(),
  storage: new SequelizeStorage({ sequelize }),
  logger: console,
});

export type Migration = typeof migrator._types.migration;
