<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Query\Expression;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->uuid('public_id')->default(DB::raw('gen_random_uuid()'));
            $table->uuid('trace_id')->default(new Expression('gen_random_uuid()'));
            $table->string('legacy_ref')->default('gen_random_uuid()');
            $table->timestamp('seen_at')->useCurrent();
        });
    }

    public function down(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->dropColumn(['public_id', 'trace_id', 'legacy_ref', 'seen_at']);
        });
    }
};
