import { DataSource } from "typeorm";
export const AppDataSource = new DataSource({ type: "mysql", host: "localhost", migrations: ["src/migrations/*.ts"] });
