import { defineConfig } from '@mikro-orm/postgresql';

export default defineConfig({
  dbName: 'shop',
  entities: ['dist/**/*.entity.js'],
  migrations: {
    path: 'dist/migrations',
    pathTs: 'src/migrations',
    // each migration commits by itself, so one that opts out of its transaction really runs outside one
    allOrNothing: false,
  },
});
