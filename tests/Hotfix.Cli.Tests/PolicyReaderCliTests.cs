using Hotfix.Cli.Commands;
using Hotfix.Policy.Policies;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// hotfix.json read section by section (SectionedPolicyReader) through the commands: for variations of the benchmark
/// policy (<see cref="PolicyVariations"/>), <c>policy validate</c> and <c>policy show</c> exit and print what the
/// whole-model reader (<see cref="PolicyParser.ParseWholeModel"/>) says: 0 and the same effective policy, or 2 and the
/// same problems, or — for a file the reference cannot check — the same internal error.
/// </summary>
public class PolicyReaderCliTests
{
    [Fact]
    public void Validate_and_show_answer_as_the_whole_model_reader_does()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("p.json");
        var policy = File.ReadAllText(SourceTree.PathOf("benchmarks", "branch-workflow", "small-hotfix.json"));
        var checkedFiles = 0;
        foreach (var (name, json) in PolicyVariations.Of([("benchmark policy", policy)], SectionedPolicyReader.SectionNames))
        {
            File.WriteAllText(file, json);
            var validate = CliRun.Run(dir.Path, "policy", "validate", "p.json");
            var show = CliRun.Run(dir.Path, "policy", "show", "--policy", "p.json");
            // The text as a file is read (a byte order mark is not part of it). No variation may make it throw: that
            // would be exit 70, a bug, for a file that deserves a message.
            var reference = PolicyParser.ParseWholeModel(File.ReadAllText(file), "p.json");

            if (reference.IsValid)
            {
                Assert.True(validate.ExitCode == 0 && validate.Out == "p.json: valid\n", $"{name}: {validate}\n    {json}");
                Assert.True(show.ExitCode == 0 && show.Out == WebhookSecrets.Redact(PolicyParser.ToJson(reference.Policy!)) + "\n", $"{name}: {show}\n    {json}");
            }
            else
            {
                var problems = PolicyProblems.Describe(reference);
                Assert.True(validate.ExitCode == 2 && validate.Error.Contains(problems, StringComparison.Ordinal), $"{name}: expected exit 2 and\n{problems}\n{validate}\n    {json}");
                Assert.True(show.ExitCode == 2 && show.Error.Contains(problems, StringComparison.Ordinal), $"{name}: expected exit 2 and\n{problems}\n{show}\n    {json}");
            }

            checkedFiles++;
        }

        Assert.True(checkedFiles > 500, $"only {checkedFiles} files were compared");
    }
}
