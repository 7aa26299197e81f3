-- AlterEnum
ALTER TYPE "ProjectStatus" ADD VALUE 'PAUSED';
