namespace Hotfix.Migrations.Tests.Idioms;

/// <summary>
/// The idiom corpus: framework idioms seen in real repositories (drizzle-kit table rebuilds, Alembic docstrings,
/// Django state-only operations…), each as a small repository with the findings Hotfix must report. A fixture
/// states every migration, risk and HF20xx finding, so both a false finding and a miss fail it.
/// </summary>
public class IdiomCorpusTests
{
    public static TheoryData<string> Fixtures() => [.. IdiomFixture.All()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Idiom_fixture_gives_exactly_its_expected_findings(string fixture)
    {
        var idiom = IdiomFixture.Load(fixture);
        var actual = idiom.Describe();

        // The whole outcome in the message, in the expected file's form, so a reviewer sees what changed.
        Assert.True(idiom.Expected().SequenceEqual(actual), $"{fixture}: Hotfix reports\n{string.Join('\n', actual)}");
    }
}
