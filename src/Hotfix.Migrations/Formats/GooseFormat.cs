using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// goose: <c>&lt;version&gt;_&lt;name&gt;.sql</c> with <c>-- +goose Up</c> and <c>-- +goose Down</c> sections in one file.
/// The other annotations (<c>StatementBegin</c>/<c>StatementEnd</c> around a function body, <c>NO TRANSACTION</c>,
/// <c>ENVSUB</c>) are directives, not SQL. A Go migration (<c>&lt;version&gt;_&lt;name&gt;.go</c>) registers its up and
/// down functions with <c>goose.AddMigration…(up, down)</c>: the SQL literals those functions execute
/// (<c>tx.ExecContext(ctx, "…")</c>, <c>Exec</c>, <c>Query…</c>) are read; any other Go code, and SQL held in a
/// variable, is a step Hotfix cannot read.
/// </summary>
internal sealed partial class GooseFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Goose;

    public MigrationFrameworkFacts Facts { get; } = new("goose", "goose", DownSupport.Expected);

    /// <summary>
    /// <c>goose create</c> fills each section with <c>SELECT 'up SQL query';</c> / <c>SELECT 'down SQL query';</c>: a
    /// section left so does nothing (a down left so is empty, not a step Hotfix cannot read).
    /// </summary>
    [GeneratedRegex(@"(?im)^[ \t]*SELECT[ \t]+'(?:up|down) SQL query'[ \t]*;[ \t]*$")]
    private static partial Regex CreateTemplate();

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        Name().IsMatch(RepoPath.FileName(path)) &&
        (SqlFiles.IsSql(path) && Annotation().Matches(text).Any(IsUp) || path.EndsWith(".go", StringComparison.Ordinal) && Registration().IsMatch(text))
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        if (path.EndsWith(".go", StringComparison.Ordinal))
        {
            return [new MigrationPiece(null, GoMigration(text, database), text)];
        }

        var (up, down, downLine) = SqlFiles.SplitSections(CreateTemplate().Replace(text, string.Empty), Section);
        return [new MigrationPiece(null, SqlFiles.Sections(up, down, downLine, database, "the file has no -- +goose Down section: `goose down` cannot undo it"), text)];
    }

    /// <summary>The steps of a Go migration's registered up and down functions.</summary>
    private static MigrationBody GoMigration(string text, MigrationDatabase database)
    {
        // Go's comments and strings ("…", `…` raw) read as JavaScript's do.
        var code = new CodeText(text, SourceLanguage.JavaScript);
        var body = new MigrationBody();
        var registration = code.Calls(0, code.Mask.Length, n => n.StartsWith("AddMigration", StringComparison.Ordinal) || n.StartsWith("AddNamedMigration", StringComparison.Ordinal))
            .FirstOrDefault(c => c.Receiver.EndsWith("goose", StringComparison.Ordinal));
        if (registration is null)
        {
            body.Up.Add(new MigrationOperation(MigrationOperationKind.RawSql) { Line = 1, Text = "a goose Go migration registered in a way Hotfix cannot read" });
            body.DownStatus = DownStatus.Unverified;
            body.DownDetail = "no goose.AddMigration…(up, down) call Hotfix can read: compare the up and down functions by hand";
            return body;
        }

        // AddNamedMigration…(name, up, down) names the file first.
        var functions = registration.Arguments.Where(a => a.Key is null).Select(a => a.Raw.Trim()).ToList();
        if (registration.Name.StartsWith("AddNamed", StringComparison.Ordinal) && functions.Count > 0)
        {
            functions.RemoveAt(0);
        }

        body.Up.AddRange(Steps(code, functions.ElementAtOrDefault(0), registration.Line, database));
        var down = functions.ElementAtOrDefault(1);
        if (down is null or "nil")
        {
            body.DownStatus = DownStatus.Missing;
            body.DownDetail = "goose." + registration.Name + " registers no down function: `goose down` cannot undo it";
            return body;
        }

        body.DownLine = registration.Line;
        body.Down.AddRange(Steps(code, down, registration.Line, database));
        return body;
    }

    /// <summary>The SQL a registered function executes, in order; a function Hotfix cannot find or read is one raw step.</summary>
    private static IEnumerable<MigrationOperation> Steps(CodeText code, string? function, int registrationLine, MigrationDatabase database)
    {
        var declaration = function is null || !IsIdentifier(function) ? null : new Regex(@"(?m)^func\s+" + function + @"\s*\(").Match(code.Mask);
        if (declaration is not { Success: true })
        {
            yield return new MigrationOperation(MigrationOperationKind.RawSql) { Line = registrationLine, Text = "Go code: " + (function ?? "no function") };
            yield break;
        }

        var end = NextFunction().Match(code.Mask, declaration.Index + declaration.Length) is { Success: true } next ? next.Index : code.Mask.Length;
        var any = false;
        foreach (var call in code.Calls(declaration.Index + declaration.Length, end, n => n is "Exec" or "ExecContext" or "Query" or "QueryContext" or "QueryRow" or "QueryRowContext"))
        {
            any = true;
            var sql = call.Arguments.Where(a => a.Key is null).ElementAtOrDefault(call.Name.EndsWith("Context", StringComparison.Ordinal) ? 1 : 0);
            var literal = sql is not null && sql.Raw.TrimStart() is { Length: > 0 } raw && raw[0] is '"' or '`' ? sql.Value : null;
            foreach (var op in DslSupport.EmbeddedSql(literal, call.Line, database, call.Text))
            {
                yield return op;
            }
        }

        if (!any)
        {
            // Go code that changes data some other way (an ORM, a loop over rows): not comparable.
            yield return new MigrationOperation(MigrationOperationKind.RawSql) { Line = code.LineOf(declaration.Index), Text = "Go code: " + function };
        }
    }

    private static bool IsIdentifier(string name) => name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_');

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

    [GeneratedRegex(@"^[0-9]+_.+\.(sql|go)$")]
    private static partial Regex Name();

    [GeneratedRegex(@"\bgoose\.Add(Named)?Migration\w*\s*\(")]
    private static partial Regex Registration();

    [GeneratedRegex(@"(?m)^func\s")]
    private static partial Regex NextFunction();

    [GeneratedRegex(@"(?m)^[ \t]*--[ \t]*\+goose[ \t]+(?<command>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Annotation();
}
