<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\DB;

return new class extends Migration
{
    public function up(): void
    {
        DB::statement('CREATE INDEX CONCURRENTLY orders_customer_id_index ON orders (customer_id)');
    }

    public function down(): void
    {
        DB::statement('DROP INDEX CONCURRENTLY orders_customer_id_index');
    }
};
