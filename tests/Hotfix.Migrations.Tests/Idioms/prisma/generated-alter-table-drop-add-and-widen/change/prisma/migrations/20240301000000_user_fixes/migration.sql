/*
  Warnings:

  - You are about to drop the column `legacyId` on the `User` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "User" DROP COLUMN "legacyId",
ADD COLUMN     "lastLoginAt" TIMESTAMP(3),
ALTER COLUMN "name" SET DATA TYPE VARCHAR(200);

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");
