// Runs the Hotfix checks in-process on a repository, the way an internal tool (a bot, a portal) embeds the core:
//   dotnet run --project samples/Consumer -- PATH_TO_REPOSITORY [json|markdown|sarif|text|github]
// The engine loads the repository's hotfix.json as the hotfix command does and runs the same rules.
using Hotfix;

var path = args.Length > 0 ? args[0] : ".";
var format = args.Length > 1 && ReportFormats.TryParse(args[1], out var f) ? f : ReportFormat.Markdown;

try
{
    using var hotfix = HotfixEngine.CreateBuilder()
        .UseToolName("consumer-sample", "1.0")
        .UseGitRepository(path)
        .AddCoreChecks()
        .AddMigrations()
        .Build();
    var report = hotfix.Check();
    Console.WriteLine(hotfix.Render(report, format));
    return report.IsBlocking ? 1 : 0;
}
catch (HotfixInputException e)
{
    // A path that is not a repository, a policy file with problems, HEAD not on a branch: the message says which.
    Console.Error.WriteLine(e.Message);
    return 2;
}
