using System.Text.RegularExpressions;
using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// DbUp (.NET): SQL scripts embedded in a project that references a <c>dbup-*</c> package, kept in a <c>Scripts</c> or
/// <c>Migrations</c> folder and run once each in name order; the journal records script names, and no script is ever
/// undone. Other .sql files of the project (queries loaded as resources) are not scripts.
/// </summary>
internal sealed partial class DbUpFormat : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.DbUp;

    public MigrationFrameworkFacts Facts { get; } = new(
        "dbup", "DbUp", DownSupport.None,
        "DbUp runs scripts forward only (its journal records which ran; nothing undoes one)");

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files) =>
        SqlFiles.IsSql(path) && InScriptsFolder(path) && settings.DbUpProjectOf(path) is not null
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database) =>
        [SqlFiles.WithoutDown(text, database)];

    /// <summary>
    /// A script the project registers with <c>ScriptType.RunAlways</c> (<c>WithScriptsEmbeddedInAssembly(asm,
    /// s =&gt; s.Contains(".RunAlways."), new SqlScriptOptions { ScriptType = ScriptType.RunAlways })</c>): DbUp runs it on
    /// every deployment. The registration's string literals are matched against the script's resource name and path.
    /// </summary>
    public string? RepeatableBecause(string upPath, MigrationSettings settings, RepositoryFiles files)
    {
        if (settings.DbUpProjectOf(upPath) is not { } project)
        {
            return null;
        }

        var relative = project.Folder.Length == 0 ? upPath : upPath[(project.Folder.Length + 1)..];
        var resource = "." + relative.Replace('/', '.');
        foreach (var code in files.HeadFiles.Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && (project.Folder.Length == 0 || RepoPath.IsUnder(p, project.Folder))).Take(MaxCodeFiles))
        {
            var text = files.ReadHead(code);
            if (text is null || !text.Contains("ScriptType.RunAlways", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match registration in RunAlwaysRegistration().Matches(text))
            {
                if (Literal().Matches(registration.Value).Select(m => m.Groups["text"].Value.Trim('.', '/'))
                    .Any(l => l.Length > 0 && (resource.Contains(l, StringComparison.OrdinalIgnoreCase) || relative.Contains(l, StringComparison.OrdinalIgnoreCase))))
                {
                    return "a RunAlways script (" + RepoPath.FileName(code) + "): DbUp runs it on every deployment, so editing it is how it is meant to change";
                }
            }
        }

        return null;
    }

    private const int MaxCodeFiles = 200;

    // One WithScripts… registration up to the RunAlways it passes (not across another registration).
    [GeneratedRegex(@"\.WithScripts\w*\((?:(?!\.WithScripts)[^;])*?ScriptType\.RunAlways", RegexOptions.Singleline)]
    private static partial Regex RunAlwaysRegistration();

    [GeneratedRegex(@"""(?<text>[^""\\\r\n]{2,})""")]
    private static partial Regex Literal();

    private static bool InScriptsFolder(string path) =>
        path.Split('/').SkipLast(1).Any(folder => folder.Equals("Scripts", StringComparison.OrdinalIgnoreCase) || folder.Equals("Migrations", StringComparison.OrdinalIgnoreCase));
}
