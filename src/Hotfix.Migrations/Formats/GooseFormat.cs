using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// goose: <c>&lt;version&gt;_&lt;name&gt;.sql</c> with <c>-- +goose Up</c> and <c>-- +goose Down</c> sections in one file.
/// The other annotations (<c>StatementBegin</c>/<c>StatementEnd</c> around a function body, <c>NO TRANSACTION</c>,
/// <c>ENVSUB</c>) are directives, not SQL. Go migrations (<c>.go</c>) are code and are not read.
/// </summary>
internal sealed partial class GooseFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Goose;

    public MigrationFrameworkFacts Facts { get; } = new("goose", "goose", DownSupport.Expected);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        SqlFiles.IsSql(path) && Name().IsMatch(RepoPath.FileName(path)) && Annotation().Matches(text).Any(IsUp)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        var (up, down, downLine) = SqlFiles.SplitSections(text, Section);
        return [new MigrationPiece(null, SqlFiles.Sections(up, down, downLine, database, "the file has no -- +goose Down section: `goose down` cannot undo it"), text)];
    }

    /// <summary>"up"/"down" for a section annotation, "" for any other goose annotation, null for SQL.</summary>
    private static string? Section(string line)
    {
        var annotation = Annotation().Match(line);
        if (!annotation.Success)
        {
            return null;
        }

        return annotation.Groups["command"].Value.ToUpperInvariant() switch
        {
            "UP" => "up",
            "DOWN" => "down",
            _ => string.Empty,
        };
    }

    private static bool IsUp(Match annotation) => annotation.Groups["command"].Value.Equals("Up", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[0-9]+_.+\.sql$")]
    private static partial Regex Name();

    [GeneratedRegex(@"(?m)^[ \t]*--[ \t]*\+goose[ \t]+(?<command>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Annotation();
}
