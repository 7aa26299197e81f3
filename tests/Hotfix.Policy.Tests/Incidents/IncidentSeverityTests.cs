
namespace Hotfix.Policy.Tests.Incidents;

public class IncidentSeverityTests
{
    [Theory]
    [InlineData("SEV1", IncidentSeverity.Sev1)]
    [InlineData("sev2", IncidentSeverity.Sev2)]
    [InlineData("Sev3", IncidentSeverity.Sev3)]
    [InlineData("SEV4", IncidentSeverity.Sev4)]
    public void Parses_any_letter_case(string text, IncidentSeverity expected)
    {
        Assert.True(IncidentSeverities.TryParse(text, out var severity));
        Assert.Equal(expected, severity);
        Assert.Equal(text.ToUpperInvariant(), severity.Name());
    }

    [Theory]
    [InlineData("SEV0")]
    [InlineData("SEV5")]
    [InlineData("1")]
    [InlineData("SEV")]
    [InlineData("SEV12")]
    [InlineData("critical")]
    public void Rejects_other_values_and_names_the_expected_form(string text)
    {
        Assert.False(IncidentSeverities.TryParse(text, out _));
        var e = Assert.Throws<FormatException>(() => IncidentSeverities.Parse(text));
        Assert.Contains("SEV1, SEV2, SEV3, SEV4", e.Message);
    }

    [Fact]
    public void Only_sev1_and_sev2_are_expedited()
    {
        Assert.Equal([true, true, false, false], IncidentSeverities.All.Select(s => s.IsExpedited()));
    }
}
