using System.Diagnostics;
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
    private readonly TempDirectory gnupg = new();

    public void Dispose()
    {
        // gpg starts an agent for the test's keyring; it must not outlive the test.
        Run("gpgconf", ["--kill", "gpg-agent"]);
        gnupg.Dispose();
    }

    [Fact]
    public void Entries_are_signed_commits_when_the_user_signs_commits()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var key = NewKey();
        Configure(repo, key);

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
        Configure(repo, "0000000000000000000000000000000000000000");
        var store = new GitIncidentRecordStore(repo.Path);

        var e = Assert.Throws<HotfixOperationException>(() => store.Record(new IncidentEvent { Incident = Incident, Kind = IncidentEventKinds.Note, At = DateTimeOffset.Now, By = "sandro", Summary = "unsigned" }));

        Assert.StartsWith("cannot sign the incident-record entry (commit.gpgsign is true): git commit-tree -S failed", e.Message);
        Assert.Equal("nothing was recorded; the record is unchanged", e.State);
        Assert.Equal(string.Empty, repo.Git("for-each-ref", "refs/hotfix/"));
    }

    private void Configure(TestRepository repo, string key)
    {
        // git runs gpg through this wrapper so the test's keyring, not the user's, signs and verifies.
        var wrapper = gnupg.Combine("gpg.sh");
        File.WriteAllText(wrapper, $"#!/bin/sh\nGNUPGHOME='{gnupg.Path}' exec gpg \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        repo.Git("config", "gpg.program", wrapper);
        repo.Git("config", "user.signingkey", key);
        repo.Git("config", "commit.gpgsign", "true");
    }

    private string NewKey()
    {
        Gpg("--batch", "--passphrase", string.Empty, "--quick-gen-key", "Hotfix Test <test@example.com>", "ed25519", "sign", "never");
        var listing = Gpg("--batch", "--with-colons", "--list-secret-keys");
        return listing.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
    }

    private string Gpg(params string[] arguments) => Run("gpg", arguments);

    private string Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["GNUPGHOME"] = gnupg.Path;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
