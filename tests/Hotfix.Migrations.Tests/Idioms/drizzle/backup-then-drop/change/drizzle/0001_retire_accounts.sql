CREATE TABLE `accounts_backup` (`id` integer, `handle` text, `email` text, `created_at` integer);
--> statement-breakpoint
INSERT INTO `accounts_backup` SELECT * FROM `accounts`;--> statement-breakpoint
DROP TABLE `accounts`;
