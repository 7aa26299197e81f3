<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->dropColumn('legacy_code');
            $table->string('note', 100)->nullable()->change();
            # a hash comment, and an attribute below is no comment
            $table->index('status');
        });
    }

    public function down(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->dropIndex(['status']);
            $table->string('note', 500)->nullable()->change();
            $table->string('legacy_code', 20)->nullable();
        });
    }
};
