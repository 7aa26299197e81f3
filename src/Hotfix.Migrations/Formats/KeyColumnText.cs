using Hotfix.Migrations.Code;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Column lists as the DSL readers find them in a call's arguments — <c>:customer_id</c>, <c>"customer_id"</c>,
/// <c>[:a, :b]</c>, <c>['a', 'b']</c>, <c>("a", "b")</c> — as names; an item that is an expression (<c>"lower(email)"</c>)
/// is kept in parentheses so that it never matches a column (see <see cref="ForeignKeyIndexes"/>).
/// </summary>
internal static class KeyColumnText
{
    public static IReadOnlyList<string>? Names(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Length > 1 && (text[0] == '[' && text[^1] == ']' || text[0] == '(' && text[^1] == ')'))
        {
            text = text[1..^1];
        }

        var names = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = part.TrimStart(':').Trim('"', '\'', '`');
            if (name.Length == 0)
            {
                continue;
            }

            names.Add(name.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') ? name : "(" + name + ")");
        }

        return names.Count > 0 ? names : null;
    }

    /// <summary>The raw text of the call's positional argument <paramref name="index"/> as column names.</summary>
    public static IReadOnlyList<string>? Positional(CodeCall call, int index) =>
        Names(call.Arguments.Where(a => a.Key is null).ElementAtOrDefault(index)?.Raw);

    /// <summary>The raw text of the call's keyword argument as column names.</summary>
    public static IReadOnlyList<string>? Keyword(CodeCall call, string key) =>
        Names(call.Arguments.FirstOrDefault(a => a.Key == key)?.Raw);

    /// <summary>Rails' default foreign-key column for a referenced table: <c>customers</c> → <c>customer_id</c>.</summary>
    public static string ReferenceColumn(string table)
    {
        var name = table.TrimStart(':').Trim('"', '\'');
        name = name[(name.LastIndexOf('.') + 1)..];
        var singular = name.EndsWith("ies", StringComparison.Ordinal) ? name[..^3] + "y"
            : name.EndsWith("sses", StringComparison.Ordinal) || name.EndsWith("xes", StringComparison.Ordinal) ? name[..^2]
            : name.EndsWith('s') && !name.EndsWith("ss", StringComparison.Ordinal) ? name[..^1]
            : name;
        return singular + "_id";
    }
}
