using System.Text.RegularExpressions;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks.Classification;

namespace Hotfix.Policy.Tests.Checks;

/// <summary>
/// ContentSignals runs each pattern once over a file's changed lines joined by NUL (ChangedLineText); it must find the
/// same first line as running the pattern on each added or deleted line in turn.
/// </summary>
public class ChangedLineTextTests
{
    private static readonly string[] Fragments =
    [
        "[Authorize", "[ AllowAnonymous]", "UseAuthentication", "AddAuthorization", "AddIdentityCore", "(", "<", ")", "@login_required",
        "jwt.sign(", "passport.use(", "ClaimsPrincipal", "ClaimTypes.Role", "bcrypt", "[HttpPost", "[Route(", ".MapGet (", ".MapGroup(",
        "app.get('/", "router.post( \"", "@app.route(", "@GetMapping", "@api_view", "migrationBuilder.", "modelBuilder.Entity", "CREATE TABLE",
        "drop   index", "Alter\tColumn", "op.add_column(", "migrations.AddField(", "knex.schema.", "queryInterface.addColumn(", "pgTable(",
        " ", "  ", "\t", "x", "_", "é", ";", "'", "`", "/", "@", ".", "[", "]", "Http", "Route", "class", "var", "return",
    ];

    [Fact]
    public void Every_line_pattern_can_be_joined_with_nul()
    {
        Assert.All(ContentSignals.LinePatterns, p => Assert.True(ChangedLineText.CannotMatchNul(p.Pattern), p.Pattern.ToString()));
    }

    [Theory]
    [InlineData(@"a.b", false)]
    [InlineData(@"a[^b]", false)]
    [InlineData(@"a\.b[.^]", true)]
    [InlineData(@"\[\s*(Route|Http)\b", true)]
    public void The_nul_test_reads_the_pattern_text(string pattern, bool cannotMatchNul) =>
        Assert.Equal(cannotMatchNul, ChangedLineText.CannotMatchNul(new Regex(pattern)));

    [Fact]
    public void A_call_split_over_two_lines_matches_in_neither_way()
    {
        var change = Change("keep\n", "keep\nservices.AddAuthorization\n(options => { });\n");

        Assert.Null(PerLine(change, Auth));
        Assert.Null(ChangedLineText.Of(change).FirstMatch(Auth));
    }

    [Fact]
    public void The_first_matching_line_is_found_among_deleted_and_added_lines()
    {
        var change = Change("a\n[Authorize]\nb\nc\n", "a\nb\nc\napp.UseAuthorization();\n");

        var line = ChangedLineText.Of(change).FirstMatch(Auth);

        Assert.Same(PerLine(change, Auth), line);
        Assert.Equal((DiffLineKind.Deleted, "[Authorize]"), (line!.Kind, line.Text));
    }

    [Fact]
    public void A_change_without_changed_lines_has_no_match() =>
        Assert.Null(ChangedLineText.Of(Change("same\n", "same\n")).FirstMatch(Auth));

    /// <summary>
    /// Random files built from the patterns' own words, punctuation and whitespace (no NUL: a file with one is binary and
    /// has no lines to read): both ways agree on every pattern.
    /// </summary>
    [Fact]
    public void Joined_and_line_by_line_agree_on_random_changes()
    {
        var random = new Random(20261206);
        for (var round = 0; round < 400; round++)
        {
            var before = Enumerable.Range(0, random.Next(0, 12)).Select(_ => Line(random)).ToList();
            var after = before.Where(_ => random.Next(4) > 0).ToList();
            for (var i = random.Next(0, 6); i > 0; i--)
            {
                after.Insert(random.Next(after.Count + 1), Line(random));
            }

            var change = Change(Text(before), Text(after));
            var joined = ChangedLineText.Of(change);
            foreach (var (kind, pattern) in ContentSignals.LinePatterns)
            {
                Assert.True(ReferenceEquals(PerLine(change, pattern), joined.FirstMatch(pattern)), $"{kind} in round {round}: {Text(after)}");
            }
        }
    }

    private static Regex Auth => ContentSignals.LinePatterns.Single(p => p.Kind == "auth").Pattern;

    private static DiffLine? PerLine(FileChange change, Regex pattern) =>
        change.Hunks.SelectMany(h => h.Lines).FirstOrDefault(l => l.Kind != DiffLineKind.Context && pattern.IsMatch(l.Text));

    private static string Line(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 7)).Select(_ => Fragments[random.Next(Fragments.Length)]));

    private static string Text(List<string> lines) => string.Concat(lines.Select(l => l + "\n"));

    private static FileChange Change(string before, string after) =>
        new(FileChangeKind.Modified, "src/App.cs", "src/App.cs", EntryMode.File, EntryMode.File, "a", "b",
            () => FileContent.FromText(before), () => FileContent.FromText(after));
}
