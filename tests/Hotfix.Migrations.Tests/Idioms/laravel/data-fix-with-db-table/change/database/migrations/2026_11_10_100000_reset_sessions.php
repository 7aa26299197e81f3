<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Support\Facades\DB;

return new class extends Migration
{
    public function up(): void
    {
        DB::table('sessions')->delete();
        DB::table('orders')->where('status', 'stale')->update(['status' => 'archived']);
        DB::statement("DELETE FROM audit_log WHERE created_at < now() - interval '2 years'");
    }

    public function down(): void
    {
        // Nothing to restore.
    }
};
