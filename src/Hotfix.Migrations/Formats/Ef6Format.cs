using System.Text.RegularExpressions;
using Hotfix.Migrations.Code;
using Hotfix.Migrations.Detection;
using Hotfix.Migrations.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// Entity Framework 6 (the .NET Framework ORM still behind many ASP.NET MVC apps): a class deriving from
/// <c>DbMigration</c> whose parameterless <c>Up()</c>/<c>Down()</c> call <c>AddColumn</c>, <c>DropColumn</c>,
/// <c>CreateTable(…).Index(…)</c>, <c>Sql(…)</c> … on itself. Tables are named with their schema (<c>"dbo.Orders"</c>);
/// the database is SQL Server unless the project uses another provider. The <c>.Designer.cs</c> and <c>.resx</c>
/// beside each migration hold its model snapshot: bookkeeping.
/// </summary>
internal sealed partial class Ef6Format : IMigrationFormat
{
    public MigrationFramework Framework => MigrationFramework.Ef6;

    public MigrationFrameworkFacts Facts { get; } = new("ef6", "Entity Framework 6", DownSupport.Expected, Source: SourceLanguage.CSharp);

    public MigrationFileMatch? Match(string path, string text, MigrationSettings settings, RepositoryFiles files)
    {
        if (path.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase))
        {
            return text.Contains("IMigrationMetadata", StringComparison.Ordinal) ? new MigrationFileMatch(Framework, MigrationFileRole.Companion) : null;
        }

        if (path.EndsWith(".resx", StringComparison.OrdinalIgnoreCase))
        {
            // The migration's model snapshot ("Target"), next to its .cs.
            return files.ExistsAtHead(path[..^".resx".Length] + ".cs") && text.Contains("<data name=\"Target\"", StringComparison.Ordinal)
                ? new MigrationFileMatch(Framework, MigrationFileRole.Companion)
                : null;
        }

        return path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && text.Contains("DbMigration", StringComparison.Ordinal) && DerivesFromDbMigration().IsMatch(text)
            ? new MigrationFileMatch(Framework, MigrationFileRole.Migration)
            : null;
    }

    public IReadOnlyList<MigrationPiece> Read(string path, string text, string? downPath, string? downText, MigrationDatabase database)
    {
        database = database == MigrationDatabase.Unknown ? MigrationDatabase.SqlServer : database;
        var root = CSharpSyntaxTree.ParseText(text, CSharpCall.ParseOptions).GetRoot();
        var pieces = new List<MigrationPiece>();
        var classes = root.DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Where(c => c.BaseList?.Types.Any(t => t.Type.ToString().EndsWith("DbMigration", StringComparison.Ordinal)) == true)
            .ToList();
        foreach (var type in classes)
        {
            var body = new MigrationBody { Database = database };
            var up = CSharpCall.ParameterlessMethod(type, "Up");
            var down = CSharpCall.ParameterlessMethod(type, "Down");
            if (up is not null)
            {
                body.Up.AddRange(Ef6Calls.Operations(up, database));
            }

            if (down is null)
            {
                body.DownStatus = DownStatus.Missing;
                body.DownDetail = "Down() is not overridden: Update-Database -TargetMigration cannot go back past this migration";
            }
            else
            {
                body.DownLine = down.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                if (EfMigrationSyntax.FirstThrow(down, baseIsEfMigration: false) is { } thrown)
                {
                    body.DownStatus = DownStatus.Irreversible;
                    body.DownDetail = $"Down() throws ({SqlStatementRecognizer.OneLine(thrown.ToString())})";
                    body.DownLine = thrown.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                }

                body.Down.AddRange(Ef6Calls.Operations(down, database));
            }

            pieces.Add(new MigrationPiece(classes.Count > 1 ? type.Identifier.Text : null, body, type.ToFullString(), type.GetLocation().GetLineSpan().StartLinePosition.Line + 1));
        }

        return pieces;
    }

    [GeneratedRegex(@":\s*(?:[\w.]+\.)?DbMigration\b")]
    private static partial Regex DerivesFromDbMigration();
}
