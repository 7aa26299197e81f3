// Runs the Hotfix checks in-process on a repository, the way an internal tool (a bot, a portal) embeds the core:
//   dotnet run --project samples/Consumer -- PATH_TO_REPOSITORY [json|markdown|sarif|text]
using Hotfix.Git;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Errors;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Reporting;
using Hotfix.Policy.Reporting.Renderers;

var path = args.Length > 0 ? args[0] : ".";
var format = args.Length > 1 && ReportFormats.TryParse(args[1], out var f) ? f : ReportFormat.Markdown;

try
{
    using var repository = GitRepository.Open(path);
    var policyFile = Path.Combine(repository.Root, PolicyParser.DefaultFileName);
    var loaded = File.Exists(policyFile) ? PolicyParser.Parse(File.ReadAllText(policyFile), policyFile) : PolicyParser.Defaults();
    if (loaded.Policy is null)
    {
        foreach (var problem in loaded.Problems)
        {
            Console.Error.WriteLine($"{loaded.Source}: {problem}");
        }

        return 2;
    }

    var head = repository.Head;
    if (head.Kind != HeadKind.Branch)
    {
        Console.Error.WriteLine($"HEAD is {head.Kind.ToString().ToLowerInvariant()}; check out the hotfix branch first.");
        return 2;
    }

    var context = new CheckContext(
        loaded.Policy,
        new CheckSubject(head.BranchName!, head.CommitSha!),
        new CheckOptions(),
        new PortSet().AddGit(repository));
    var report = CheckRunner.Run(context, CheckModules.All, new ToolInfo("consumer-sample", "1.0"));
    Console.WriteLine(ReportRenderers.For(format, new RenderOptions(RepositoryRoot: repository.Root)).RenderToString(report));
    return report.IsBlocking ? 1 : 0;
}
catch (HotfixInputException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
