<?php

declare(strict_types=1);

namespace DoctrineMigrations;

use Doctrine\DBAL\Schema\Schema;
use Doctrine\Migrations\AbstractMigration;

final class Version20241105093000 extends AbstractMigration
{
    public function up(Schema $schema): void
    {
        $table = $schema->getTable('customer');
        $table->dropColumn('fax');
        $table->addColumn('phone', 'string', ['length' => 32, 'notnull' => false]);
        $schema->getTable('purchase')->addColumn('channel', 'string', ['length' => 20]);
    }

    public function down(Schema $schema): void
    {
        $schema->getTable('purchase')->dropColumn('channel');
        $table = $schema->getTable('customer');
        $table->dropColumn('phone');
        $table->addColumn('fax', 'string', ['length' => 30, 'notnull' => false]);
    }
}
