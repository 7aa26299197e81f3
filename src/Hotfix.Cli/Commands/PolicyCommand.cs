using System.CommandLine;
using Hotfix.Cli.Infrastructure;
using Hotfix.Git;
using Hotfix.Policy.Errors;
using Hotfix.Policy.Policies;

namespace Hotfix.Cli.Commands;

/// <summary><c>hotfix policy show|validate</c>.</summary>
internal static class PolicyCommand
{
    public static Command Create(CliOptions options, CliEnvironment environment)
    {
        var show = new Command("show", "Print the effective policy as JSON: the runbook defaults with hotfix.json (or --policy FILE) applied.");
        show.SetAction(parse =>
        {
            var result = PolicyFiles.Read(environment, parse.GetValue(options.Policy), FindRoot(environment, parse.GetValue(options.Repo)));
            var policy = PolicyFiles.Require(result);
            environment.Error.WriteLine($"policy: {result.Source}");
            environment.Out.WriteLine(PolicyParser.ToJson(policy));
            return ExitCodes.Success;
        });

        var file = new Argument<string?>("file")
        {
            Description = "The policy file to check (default: the one hotfix would use: --policy, else hotfix.json at the repository root).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var validate = new Command("validate", "Check a policy file: syntax, unknown keys, types and values. Exit 0 when valid, 2 when not.") { file };
        validate.SetAction(parse =>
        {
            var explicitFile = parse.GetValue(file) ?? parse.GetValue(options.Policy);
            var result = PolicyFiles.Read(environment, explicitFile, FindRoot(environment, parse.GetValue(options.Repo)));
            if (!result.IsValid)
            {
                throw new HotfixInputException(PolicyFiles.Describe(result));
            }

            environment.Out.WriteLine(result.Source == PolicyParser.BuiltInSource
                ? "no hotfix.json found: the built-in runbook defaults apply (valid)"
                : $"{result.Source}: valid");
            return ExitCodes.Success;
        });

        return new Command("policy", "Show or validate the policy (hotfix.json).") { show, validate };
    }

    /// <summary>The repository root when there is one; policy (and cluster) commands also work outside a repository.</summary>
    internal static string? FindRoot(CliEnvironment environment, string? repoOption)
    {
        var start = repoOption is null ? environment.CurrentDirectory : environment.Resolve(repoOption);
        if (repoOption is null && GitRepository.Discover(start) is null)
        {
            return File.Exists(Path.Combine(start, PolicyParser.DefaultFileName)) ? start : null;
        }

        using var repository = GitRepository.Open(start, repoOption is null ? "current directory" : "--repo", repoOption);
        return repository.Root;
    }
}
