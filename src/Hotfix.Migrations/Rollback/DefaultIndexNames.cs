namespace Hotfix.Migrations.Rollback;

/// <summary>
/// The name a framework gives an index the migration does not name, so its undo can drop it by name: Rails'
/// <c>add_index :orders, :discount</c> creates <c>index_orders_on_discount</c>, which <c>db:migrate:down</c> removes.
/// </summary>
internal static class DefaultIndexNames
{
    /// <summary>The naming rule of <paramref name="framework"/>; null where it has none Hotfix can spell (Django hashes).</summary>
    public static Func<MigrationOperation, string?>? Of(MigrationFramework framework) => framework switch
    {
        MigrationFramework.Rails => Rails,
        _ => null,
    };

    // Rails names an index index_<table>_on_<col>_and_<col>; an expression index or a name past PostgreSQL's 63
    // characters (which Rails 7.1 shortens with a hash) is not spelled here.
    private static string? Rails(MigrationOperation op) =>
        op.Table is { Length: > 0 } table && op.KeyColumns is { Count: > 0 } columns && columns.All(c => !c.StartsWith('('))
            && $"index_{table}_on_{string.Join("_and_", columns)}" is { Length: <= 63 } name ? name : null;
}
