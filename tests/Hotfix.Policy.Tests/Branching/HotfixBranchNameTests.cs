using Hotfix.Policy.Branching;

namespace Hotfix.Policy.Tests.Branching;

public class HotfixBranchNameTests
{
    private static readonly BranchNaming Naming = BranchNaming.Runbook;

    [Theory]
    [InlineData("hotfix/INC-2026-0042-fix-rounding", "fix-rounding")]
    [InlineData("hotfix/INC-2026-0042-x", "x")]
    [InlineData("hotfix/INC-2026-0042-http2-timeout-42", "http2-timeout-42")]
    public void Accepts_the_runbook_form(string branch, string description)
    {
        Assert.True(HotfixBranchName.TryParse(branch, Naming, out var name, out var problems), string.Join("; ", problems));
        Assert.Equal("INC-2026-0042", name.Incident.ToString());
        Assert.Equal(description, name.Description);
        Assert.Equal(branch, name.FullName);
    }

    [Theory]
    [InlineData("feature/x", "does not start with 'hotfix/'")]
    [InlineData("main", "does not start with 'hotfix/'")]
    [InlineData("Hotfix/INC-2026-0042-x", "does not start with 'hotfix/'")]
    [InlineData("hotfix/fix-login", "incident id after 'hotfix/' is missing or malformed")]
    [InlineData("hotfix/INC-26-0042-x", "incident id after 'hotfix/' is missing or malformed")]
    [InlineData("hotfix/INC-2026-0042", "a short description must follow the incident id")]
    [InlineData("hotfix/INC-2026-0042-", "the short description is empty")]
    [InlineData("hotfix/INC-2026-0042-Fix-Login", "upper-case letters")]
    [InlineData("hotfix/INC-2026-0042-fix_login", "the characters '_'")]
    [InlineData("hotfix/INC-2026-0042-fix--login", "doubled hyphen")]
    [InlineData("hotfix/INC-2026-0042-fix-login-", "trailing")]
    [InlineData("hotfix/INC-2026-0042-fix;rm -rf", "the characters ';' ' ' (space)")]
    [InlineData("hotfix/INC-2026-0042-$(reboot)", "'$'")]
    public void Explains_what_is_wrong(string branch, string expectedProblem)
    {
        Assert.False(HotfixBranchName.TryParse(branch, Naming, out var name, out var problems));
        Assert.Null(name);
        Assert.Contains(problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Fact]
    public void Sixty_three_characters_fit_and_sixty_four_do_not()
    {
        var fits = "hotfix/INC-2026-0042-" + new string('a', 63 - 21);
        var tooLong = fits + "b";
        Assert.Equal(63, fits.Length);
        Assert.True(HotfixBranchName.TryParse(fits, Naming, out _, out _));
        Assert.False(HotfixBranchName.TryParse(tooLong, Naming, out _, out var problems));
        Assert.Contains(problems, p => p.Contains("at most 42 fit in a 63-character branch name", StringComparison.Ordinal));
    }

    [Fact]
    public void A_300_character_name_is_reported_once_for_its_length()
    {
        var branch = "hotfix/INC-2026-0042-" + string.Join('-', Enumerable.Repeat("word", 56));
        Assert.False(HotfixBranchName.TryParse(branch, Naming, out _, out var problems));
        Assert.Single(problems);
    }

    [Fact]
    public void The_prefix_and_limit_come_from_the_policy()
    {
        var naming = new BranchNaming("fix/", 40);
        Assert.True(HotfixBranchName.TryParse("fix/INC-2026-0042-a", naming, out _, out _));
        Assert.False(HotfixBranchName.TryParse("hotfix/INC-2026-0042-a", naming, out _, out _));
        Assert.Equal(40 - 4 - 14, naming.MaxDescriptionLength);
    }

    [Fact]
    public void Create_builds_the_start_name_or_says_why_not()
    {
        var id = IncidentId.Parse("INC-2026-0042");
        Assert.True(HotfixBranchName.TryCreate(id, "fix-rounding", Naming, out var name, out _));
        Assert.Equal("hotfix/INC-2026-0042-fix-rounding", name.FullName);

        Assert.False(HotfixBranchName.TryCreate(id, "Fix Rounding", Naming, out _, out var problems));
        Assert.Contains(problems, p => p.Contains("upper-case letters") && p.Contains("' ' (space)"));
    }

    [Theory]
    [InlineData("feature/INC-2026-0042_Fix_Rounding", "hotfix/INC-2026-0042-fix-rounding")]
    [InlineData("hotfix/inc-2026-0042-Fix Login Timeout", "hotfix/INC-2026-0042-fix-login-timeout")]
    [InlineData("feature/x", null)]
    public void Suggests_a_valid_name_when_an_incident_id_is_there(string branch, string? expected)
    {
        Assert.Equal(expected, HotfixBranchName.Suggest(branch, Naming));
        if (expected is not null)
        {
            Assert.True(HotfixBranchName.TryParse(expected, Naming, out _, out _));
        }
    }

    [Fact]
    public void Slugify_cuts_at_a_word_boundary()
    {
        Assert.Equal("fix-the", HotfixBranchName.Slugify("Fix the rounding", 9));
        Assert.Equal("", HotfixBranchName.Slugify("!!!", 10));
    }
}
