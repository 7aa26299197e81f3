<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('products', function (Blueprint $table) {
            $table->string('name', 255)->change();
            $table->decimal('price', 10, 2)->change();
            $table->string('sku')->nullable()->after('name');
            $table->index('sku');
            $table->softDeletes();
        });
    }

    public function down(): void
    {
        Schema::table('products', function (Blueprint $table) {
            $table->dropSoftDeletes();
            $table->dropIndex(['sku']);
            $table->dropColumn('sku');
            $table->decimal('price', 8, 2)->change();
            $table->string('name', 100)->change();
        });
    }
};
