-- Modify "projects" table
ALTER TABLE "projects" ALTER COLUMN "title" TYPE character varying(255), ALTER COLUMN "summary" TYPE character varying(120);
