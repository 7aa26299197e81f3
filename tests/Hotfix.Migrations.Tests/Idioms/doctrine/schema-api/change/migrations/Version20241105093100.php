<?php

declare(strict_types=1);

namespace DoctrineMigrations;

use Doctrine\DBAL\Schema\Schema;
use Doctrine\Migrations\AbstractMigration;

final class Version20241105093100 extends AbstractMigration
{
    public function up(Schema $schema): void
    {
        $schema->getTable('customer')->getColumn('name')->setLength(50);
        $audit = $schema->createTable('audit_log');
        $audit->addColumn('id', 'integer');
        $audit->setPrimaryKey(['id']);
    }

    public function down(Schema $schema): void
    {
        $schema->dropTable('audit_log');
    }
}
