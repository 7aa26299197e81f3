CREATE TABLE `handle_fix` (`id` integer, `handle` text);--> statement-breakpoint
INSERT INTO `handle_fix` SELECT `id`, lower(`handle`) FROM `accounts`;--> statement-breakpoint
UPDATE `accounts` SET `handle` = (SELECT `handle` FROM `handle_fix` WHERE `handle_fix`.`id` = `accounts`.`id`) WHERE `id` IN (SELECT `id` FROM `handle_fix`);--> statement-breakpoint
DROP TABLE `handle_fix`;
