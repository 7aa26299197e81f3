import { defineConfig } from '@mikro-orm/postgresql';

export default defineConfig({
  dbName: 'shop',
  entities: ['dist/**/*.entity.js'],
  migrations: { path: 'dist/migrations', pathTs: 'src/migrations' },
});
