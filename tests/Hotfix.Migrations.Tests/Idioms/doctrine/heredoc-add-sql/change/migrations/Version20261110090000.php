<?php

declare(strict_types=1);

namespace DoctrineMigrations;

use Doctrine\DBAL\Schema\Schema;
use Doctrine\Migrations\AbstractMigration;

final class Version20261110090000 extends AbstractMigration
{
    public function up(Schema $schema): void
    {
        $this->addSql(<<<SQL
            ALTER TABLE customer DROP COLUMN fax
            SQL);
        $this->addSql(<<<'SQL'
            CREATE INDEX CONCURRENTLY idx_customer_email ON customer (email)
            SQL);
    }

    public function down(Schema $schema): void
    {
        $this->addSql(<<<'SQL'
            DROP INDEX idx_customer_email
            SQL);
        $this->addSql(<<<SQL
            ALTER TABLE customer ADD COLUMN fax varchar(30)
            SQL);
    }
}
