module.exports = {
  production: {
    client: "pg",
    connection: process.env.DATABASE_URL,
    migrations: { tableName: "knex_migrations" },
  },
};
