CREATE TABLE "users" ("id" serial PRIMARY KEY NOT NULL, "email" text NOT NULL);
--> statement-breakpoint
CREATE TABLE "posts" ("id" serial PRIMARY KEY NOT NULL, "title" text NOT NULL);
