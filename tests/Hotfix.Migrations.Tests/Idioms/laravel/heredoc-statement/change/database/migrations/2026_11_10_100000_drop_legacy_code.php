<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\DB;

return new class extends Migration
{
    public function up(): void
    {
        DB::statement(<<<'SQL'
            ALTER TABLE orders DROP COLUMN legacy_code
            SQL);
        DB::statement(<<<SQL
UPDATE orders SET note = 'n/a' WHERE note IS NULL
SQL
        );
        DB::unprepared(<<<"SQL"
            DELETE FROM orders;
            SQL);
    }

    public function down(): void
    {
        DB::statement(<<<'SQL'
            ALTER TABLE orders ADD COLUMN legacy_code varchar(20)
            SQL);
    }
};
