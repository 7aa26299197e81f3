using System.CommandLine;
using Hotfix.Cli.Infrastructure;
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
            var result = PolicyFiles.Read(environment, parse.GetValue(options.Policy), Workspace.FindRoot(environment, parse.GetValue(options.Repo)));
            var policy = PolicyFiles.Require(result);
            environment.Error.WriteLine($"policy: {result.Source}");
            environment.Out.WriteLine(WebhookSecrets.Redact(PolicyParser.ToJson(policy)));
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
            var argument = parse.GetValue(file);
            var result = PolicyFiles.Read(
                environment,
                argument ?? parse.GetValue(options.Policy),
                Workspace.FindRoot(environment, parse.GetValue(options.Repo)),
                argument is null ? "--policy" : "file");
            if (!result.IsValid)
            {
                throw new HotfixPolicyException(result);
            }

            environment.Out.WriteLine(result.Source == PolicyParser.BuiltInSource
                ? "no hotfix.json found: the built-in runbook defaults apply (valid)"
                : $"{result.Source}: valid");
            return ExitCodes.Success;
        });

        CommandExamples.Attach(show, ("The effective policy of this repository", "hotfix policy show"), ("Another policy file", "hotfix policy show --policy samples/policies/hotfix.json"));
        CommandExamples.Attach(validate, ("Every problem of a policy file, with its JSON path", "hotfix policy validate hotfix.json"), ("The file hotfix would use here", "hotfix policy validate"));
        var policy = new Command("policy", "Show or validate the policy (hotfix.json).") { show, validate };
        CommandExamples.Attach(policy, ("Check a policy file", "hotfix policy validate hotfix.json"), ("The effective policy as JSON", "hotfix policy show"));
        return policy;
    }
}
