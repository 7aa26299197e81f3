-- AlterTable
ALTER TABLE `Post` ADD COLUMN `authorId` INTEGER NULL;
