using System.Text.RegularExpressions;
using Hotfix.Analyzers;
using Hotfix.Migrations.Checks;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Checks.Audit;
using Hotfix.Policy.Checks.Review;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reviews;
using Hotfix.Policy.Rules;
using Hotfix.TestSupport;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Hotfix.Cli.Tests;

/// <summary>
/// Every catalogued rule id has an emitter, exactly one per engine (the check engine's rules, the analyzers, the
/// validators), and a test that names it. A rule that exists only in the catalogue, or that two classes report, fails
/// here — not in a user's report.
/// </summary>
public class RuleEmitterTests
{
    private static readonly IReadOnlyList<ICheckModule> AllModules =
        [.. CheckModules.Core, new MigrationsModule(), new FinishReviewModule(), new AuditModule()];

    /// <summary>Check rules by class: the same class may serve two modules (audit reuses the back-merge rule).</summary>
    private static Dictionary<string, IReadOnlyList<string>> CheckRuleClasses() =>
        AllModules.SelectMany(m => m.Rules)
            .GroupBy(r => r.GetType().FullName!)
            .ToDictionary(g => g.Key, g => g.First().Emits);

    private static Dictionary<string, IReadOnlyList<string>> AnalyzerClasses() =>
        typeof(HotfixAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .ToDictionary(t => t.FullName!, t => (IReadOnlyList<string>)((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics.Select(d => d.Id).Distinct().ToList());

    private static Dictionary<string, IReadOnlyList<string>> Validators() => new()
    {
        [nameof(ReviewRecordValidator)] = ReviewRecordValidator.Emits,
        [nameof(IncidentEventValidator)] = IncidentEventValidator.Emits,
    };

    public static TheoryData<string> CatalogueIds() => [.. RuleCatalogue.All.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(CatalogueIds))]
    public void Every_catalogued_id_has_exactly_one_emitter_in_each_engine_that_reports_it(string id)
    {
        var engines = new[] { ("check rules", CheckRuleClasses()), ("analyzers", AnalyzerClasses()), ("validators", Validators()) };
        var found = false;
        foreach (var (engine, emitters) in engines)
        {
            var owners = emitters.Where(e => e.Value.Contains(id)).Select(e => e.Key).ToList();
            Assert.True(owners.Count <= 1, $"{id} is emitted by {owners.Count} {engine}: {string.Join(", ", owners)}; expected one class per engine");
            found |= owners.Count == 1;
        }

        Assert.True(found, $"{id} is in the catalogue but no check rule, analyzer or validator emits it");
    }

    [Fact]
    public void No_emitter_reports_an_id_the_catalogue_does_not_know()
    {
        var known = RuleCatalogue.All.Select(r => r.Id).ToHashSet();
        var unknown = CheckRuleClasses().Concat(AnalyzerClasses()).Concat(Validators())
            .SelectMany(e => e.Value.Where(id => !known.Contains(id)).Select(id => $"{e.Key}: {id}"))
            .ToList();
        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(CatalogueIds))]
    public void Every_catalogued_id_is_named_by_a_test(string id)
    {
        // A test names the id it makes fire, as the literal or as its RuleIds constant.
        var constant = typeof(RuleIds).GetFields().Single(f => (string?)f.GetRawConstantValue() == id).Name;
        var mentions = new Regex($@"\b{id}\b|RuleIds\.{constant}\b");
        var testFiles = Directory.EnumerateFiles(SourceTree.PathOf("tests"), "*Tests.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith(nameof(RuleEmitterTests) + ".cs", StringComparison.Ordinal)
                && !f.EndsWith("RuleCatalogueTests.cs", StringComparison.Ordinal));
        Assert.Contains(testFiles, f => mentions.IsMatch(File.ReadAllText(f)));
    }
}
