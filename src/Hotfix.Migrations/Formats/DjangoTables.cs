using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// The database tables of Django models: <c>&lt;app_label&gt;_&lt;model&gt;</c> (the app being the folder that holds
/// <c>migrations/</c>), unless <c>db_table</c> says otherwise; a ManyToManyField's join table is
/// <c>&lt;table&gt;_&lt;field&gt;</c>. Operations name models; the SQL of a <c>RunSQL</c>, the database and the reviewer
/// name tables — every Django step is keyed by the table so that the two meet.
/// </summary>
internal sealed partial class DjangoTables(string? app, MigrationBody body)
{
    private readonly Dictionary<string, string> declared = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The app label of a migration at <c>…/&lt;app&gt;/migrations/NNNN_name.py</c>; null at the repository root.</summary>
    public static string? AppOf(string path)
    {
        var parts = path.Split('/');
        return parts.Length >= 3 ? parts[^3] : null;
    }

    /// <summary>The table of <paramref name="model"/>: its <c>db_table</c> when this migration declared one, else Django's default.</summary>
    public string? Of(string? model) =>
        model is null ? null : declared.TryGetValue(model, out var table) ? table : Default(app, model);

    /// <summary>The table a relation's <c>to="shop.customer"</c> (or <c>"customer"</c>, in the same app) names.</summary>
    public string? Referenced(string? target)
    {
        if (target is null)
        {
            return null;
        }

        var dot = target.LastIndexOf('.');
        return dot < 0 ? Of(target) : Default(target[..dot], target[(dot + 1)..]);
    }

    /// <summary>
    /// The model's table is <paramref name="table"/> from here on (<c>options={"db_table": …}</c>, <c>AlterModelTable</c>);
    /// the body says so to the later migrations, whose steps name the default table.
    /// </summary>
    public void Declare(string model, string table)
    {
        declared[model] = table;
        body.ModelTables[Default(app, model)] = table;
    }

    /// <summary>The <c>db_table</c> of a CreateModel's <c>options</c>, or null.</summary>
    public static string? DbTable(string? options) =>
        options is not null && DbTableOption().Match(options) is { Success: true } m ? m.Groups["table"].Value : null;

    private static string Default(string? app, string model) =>
        app is null ? model.ToLowerInvariant() : (app + "_" + model).ToLowerInvariant();

    [GeneratedRegex("""["']db_table["']\s*:\s*["'](?<table>[^"']+)["']""")]
    private static partial Regex DbTableOption();
}
