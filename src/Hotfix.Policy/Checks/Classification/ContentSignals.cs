using System.Text.RegularExpressions;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Policies;

namespace Hotfix.Policy.Checks.Classification;

/// <summary>
/// What the changed lines say where paths are not enough: an <c>[Authorize]</c> attribute or auth middleware marks
/// auth, a route attribute or endpoint mapping marks api, DDL or a migration builder call marks database, and a class
/// deriving from <c>Migration</c> marks database wherever the file lives. Only added and deleted lines count (the
/// Migration base class is looked for in the whole new file), in reviewed text files whose change is not formatting.
/// </summary>
internal sealed partial class ContentSignals : IChangeKindSignalProvider
{
    /// <summary>The patterns read line by line; each must satisfy <see cref="ChangedLineText.CannotMatchNul"/> (a test checks).</summary>
    internal static readonly (string Kind, Regex Pattern)[] LinePatterns =
    [
        (ChangeKinds.Auth, AuthPattern()),
        (ChangeKinds.Api, ApiPattern()),
        (ChangeKinds.Database, DatabasePattern()),
    ];

    public IEnumerable<ChangeKindSignal> Signals(CheckContext context)
    {
        var analysis = ScopeAnalysis.Of(context);
        if (analysis.Changes is null)
        {
            yield break;
        }

        foreach (var file in analysis.Reviewed.Where(f => !f.Formatting.IsFormattingOnly && !f.Change.IsBinary && !f.Change.IsSubmodule))
        {
            if (file.Change.NewContent?.Text is { } text && MigrationClass().Match(text) is { Success: true } migration)
            {
                yield return new ChangeKindSignal(ChangeKinds.Database, $"class {migration.Groups[1].Value} derives from Migration", file.Path);
            }

            var changed = ChangedLineText.Of(file.Change);
            foreach (var (kind, pattern) in LinePatterns)
            {
                if (changed.FirstMatch(pattern) is { } line)
                {
                    var verb = line.Kind == DiffLineKind.Added ? "adds" : "removes";
                    var number = line.NewNumber ?? line.OldNumber;
                    yield return new ChangeKindSignal(kind, $"line {number} {verb} `{Shorten(line.Text.Trim())}`", file.Path);
                }
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"\bclass\s+(\w+)\s*:\s*(?:Microsoft\.EntityFrameworkCore\.Migrations\.)?Migration\b", RegexOptions.CultureInvariant)]
    private static partial Regex MigrationClass();

    [GeneratedRegex(
        @"\[\s*(Authorize|AllowAnonymous)\b|\b(UseAuthentication|UseAuthorization|AddAuthentication|AddAuthorization|RequireAuthorization|AddJwtBearer|AddOpenIdConnect|AddIdentity\w*)\s*[<(]" +
        @"|@(login_required|permission_required|PreAuthorize|Secured|RolesAllowed|UseGuards)\b|\bpermission_classes\b|\bpassport\.(use|authenticate)\(|\bjwt\.(sign|verify|decode)\(" +
        @"|\b(ClaimsPrincipal|ClaimTypes\.\w+|IAuthorizationService|AuthorizationHandler)\b|\b(bcrypt|argon2|scrypt)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex AuthPattern();

    [GeneratedRegex(
        @"\[\s*(Http(Get|Post|Put|Delete|Patch)|Route|ApiController|FromBody|FromQuery|FromRoute)\b|\.Map(Get|Post|Put|Delete|Patch|Group|Controllers)\s*\(" +
        @"|\b(app|router|api)\.(get|post|put|delete|patch)\s*\(\s*['""`/]|@(app|router|bp|blueprint|api)\.(route|get|post|put|delete|patch)\(|@(Get|Post|Put|Delete|Patch|Request)Mapping\b|@api_view\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ApiPattern();

    [GeneratedRegex(
        @"\bmigrationBuilder\.|\bmodelBuilder\.|\b(CREATE|ALTER|DROP|TRUNCATE)\s+(TABLE|INDEX|COLUMN|VIEW|SCHEMA|SEQUENCE)\b|\bop\.(add_column|drop_column|create_table|drop_table|alter_column|create_index|drop_index)\(" +
        @"|\bmigrations\.(AddField|RemoveField|AlterField|CreateModel|DeleteModel|RenameField|RunSQL|RunPython)\(|\bknex\.schema\.|\bqueryInterface\.(addColumn|removeColumn|createTable|dropTable|changeColumn|addIndex)\(" +
        @"|\b(pgTable|mysqlTable|sqliteTable)\(",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatabasePattern();
}
