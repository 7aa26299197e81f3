using System.Text.RegularExpressions;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// A Django model field as the column type it creates, so the shared type-change rules can compare two field
/// definitions: <c>models.CharField(max_length=50)</c> → <c>varchar(50)</c>. Field classes without a fixed column
/// type keep their own name (lower case), which compares equal to itself and unknown to anything else.
/// </summary>
internal static partial class DjangoFieldType
{
    public static string? AsSql(string? field)
    {
        if (field is null || FieldClass().Match(field) is not { Success: true } match)
        {
            return null;
        }

        string? Number(string name) => Regex.Match(field, @"\b" + name + @"\s*=\s*(\d+)", RegexOptions.CultureInvariant) is { Success: true } m ? m.Groups[1].Value : null;
        return match.Groups[1].Value switch
        {
            "CharField" or "SlugField" or "EmailField" or "URLField" => Number("max_length") is { } length ? $"varchar({length})" : "varchar",
            "TextField" => "text",
            "IntegerField" or "PositiveIntegerField" or "AutoField" => "integer",
            "BigIntegerField" or "PositiveBigIntegerField" or "BigAutoField" => "bigint",
            "SmallIntegerField" or "PositiveSmallIntegerField" or "SmallAutoField" => "smallint",
            "DecimalField" => Number("max_digits") is { } digits ? $"numeric({digits},{Number("decimal_places") ?? "0"})" : "numeric",
            "FloatField" => "double",
            "BooleanField" => "boolean",
            "DateTimeField" => "timestamp",
            "DateField" => "date",
            "TimeField" => "time",
            "UUIDField" => "uuid",
            "JSONField" => "jsonb",
            "BinaryField" => "binary",
            var other => other.ToLowerInvariant(),
        };
    }

    [GeneratedRegex(@"models\.(\w+)\(")]
    private static partial Regex FieldClass();
}
