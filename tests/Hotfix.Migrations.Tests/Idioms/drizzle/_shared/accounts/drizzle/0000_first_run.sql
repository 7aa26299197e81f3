CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY NOT NULL,
	`handle` text NOT NULL,
	`email` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_handle_unique` ON `accounts` (`handle`);
