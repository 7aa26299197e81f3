-- AlterTable
ALTER TABLE `Post` ADD COLUMN `authorId` INTEGER NULL;

-- CreateIndex
CREATE INDEX `Post_authorId_idx` ON `Post`(`authorId`);
