
namespace Hotfix.Policy.Tests.Incidents;

public class IncidentIdTests
{
    [Theory]
    [InlineData("INC-2026-0042", 2026, 42)]
    [InlineData("INC-1999-9999", 1999, 9999)]
    [InlineData("INC-2026-0001", 2026, 1)]
    public void Parses_the_runbook_form(string text, int year, int number)
    {
        Assert.True(IncidentId.TryParse(text, out var id));
        Assert.Equal(year, id.Year);
        Assert.Equal(number, id.Number);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("inc-2026-0042")]
    [InlineData("INC-26-0042")]
    [InlineData("INC-2026-42")]
    [InlineData("INC-2026-00042")]
    [InlineData("INC-2026-0000")]
    [InlineData(" INC-2026-0042")]
    [InlineData("INC-2026-0042 ")]
    [InlineData("INC_2026_0042")]
    public void Rejects_everything_else(string? text)
    {
        Assert.False(IncidentId.TryParse(text, out _));
    }

    [Fact]
    public void Parse_names_the_expected_form()
    {
        var e = Assert.Throws<FormatException>(() => IncidentId.Parse("INC-1"));
        Assert.Contains("INC-YYYY-NNNN", e.Message);
        Assert.Contains("'INC-1'", e.Message);
    }

    [Fact]
    public void Finds_ids_in_free_text_in_order_without_duplicates()
    {
        var ids = IncidentId.FindAll("Merge branch 'hotfix/INC-2026-0042-x' (INC-2026-0042, see INC-2025-0007; not XINC-2026-0001 nor INC-2026-00011)");
        Assert.Equal(["INC-2026-0042", "INC-2025-0007"], ids.Select(i => i.ToString()));
    }

    [Fact]
    public void Orders_by_year_then_number()
    {
        var ids = new[] { "INC-2026-0002", "INC-2025-0009", "INC-2026-0001" }.Select(IncidentId.Parse).Order().Select(i => i.ToString());
        Assert.Equal(["INC-2025-0009", "INC-2026-0001", "INC-2026-0002"], ids);
    }
}
