using System.Text.RegularExpressions;
using Hotfix.Policy.Rules;
using Hotfix.TestSupport;

namespace Hotfix.Policy.Tests.Rules;

/// <summary>The catalogue is the contract: every rule documented, in its block, traced to the runbook.</summary>
public class RuleCatalogueTests
{
    public static TheoryData<string> RuleIds() => new(RuleCatalogue.All.Select(r => r.Id));

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        Assert.NotEmpty(RuleCatalogue.All);
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(r => r.Id).Distinct().Count());
        Assert.All(RuleCatalogue.All, r => Assert.Matches(@"^HF\d{4}$", r.Id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_in_the_block_of_its_category(string id)
    {
        var rule = RuleCatalogue.Get(id);
        Assert.Equal(RuleCategory.ForId(id), rule.Category);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_its_documentation_page(string id)
    {
        var page = SourceTree.PathOf("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no documentation page at docs/rules/{id}.md");
        var text = File.ReadAllText(page);
        var rule = RuleCatalogue.Get(id);
        Assert.StartsWith($"# {id}: {rule.Title}", text, StringComparison.Ordinal);
        Assert.Contains(rule.RunbookLine, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_an_absolute_help_link_to_its_page(string id)
    {
        var link = RuleCatalogue.Get(id).HelpLink;
        Assert.True(Uri.TryCreate(link, UriKind.Absolute, out _), link);
        Assert.EndsWith($"/docs/rules/{id}.md", link, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_quotes_a_line_of_the_runbook(string id)
    {
        var runbook = File.ReadAllLines(SourceTree.PathOf("docs", "runbook.txt")).Select(l => l.Trim().TrimEnd('¶'));
        var quoted = RuleCatalogue.Get(id).RunbookLine;
        Assert.Contains(runbook, line => line.Contains(quoted, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_documentation_page_belongs_to_a_catalogued_rule()
    {
        var pages = Directory.GetFiles(SourceTree.PathOf("docs", "rules"), "HF*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, id => Assert.NotNull(RuleCatalogue.Find(id!)));
    }

    [Fact]
    public void The_traceability_table_lists_every_rule()
    {
        var table = File.ReadAllText(SourceTree.PathOf("docs", "runbook-traceability.md"));
        Assert.All(RuleCatalogue.All, r => Assert.Matches(new Regex(Regex.Escape(r.Id)), table));
    }
}
