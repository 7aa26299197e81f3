using Hotfix.Policy.Records;
using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// With <c>commit.gpgsign</c>, every record entry is a commit signed with the user's key — <c>git verify-commit</c>
/// is the referee; a signature that cannot be made records nothing, as <c>git commit</c> would refuse.
/// </summary>
public sealed class SignedRecordTests : IDisposable
{
    private static readonly IncidentId Incident = IncidentId.Parse("INC-2026-0042");
    private readonly TestKeyring keyring = new();

    public void Dispose() => keyring.Dispose();

    [Fact]
    public void Entries_are_signed_commits_when_the_user_signs_commits()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var key = keyring.NewKey();
        keyring.SignWith(repo, key);

        var store = new GitIncidentRecordStore(repo.Path);
        store.Record(new IncidentEvent { Incident = Incident, Kind = IncidentEventKinds.Note, At = DateTimeOffset.Now, By = "sandro", Summary = "signed" });

        var verified = repo.TryGit("verify-commit", "--raw", "refs/hotfix/incidents/INC-2026-0042");
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("GOODSIG", verified.StandardError);
        Assert.Equal(["signed"], store.Read(Incident).Events.Select(e => e.Summary));
        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=all"));
    }

    [Fact]
    public void A_signature_that_cannot_be_made_records_nothing_and_says_why()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        keyring.SignWith(repo, "0000000000000000000000000000000000000000");
        var store = new GitIncidentRecordStore(repo.Path);

        var e = Assert.Throws<HotfixOperationException>(() => store.Record(new IncidentEvent { Incident = Incident, Kind = IncidentEventKinds.Note, At = DateTimeOffset.Now, By = "sandro", Summary = "unsigned" }));

        Assert.StartsWith("cannot sign the incident-record entry (commit.gpgsign is true): git commit-tree -S failed", e.Message);
        Assert.Equal("nothing was recorded; the record is unchanged", e.State);
        Assert.Equal(string.Empty, repo.Git("for-each-ref", "refs/hotfix/"));
    }
}
