using System.Diagnostics;
using System.Text.Json.Nodes;
using Hotfix.Policy.Ports;
using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>The finish journal: exclusive, atomic, round-trips its entry, and knows its owner's locks from others'.</summary>
public class FinishJournalTests
{
    private static FinishJournalEntry Entry(TestRepository repo) =>
        new(
            "hotfix/INC-2026-0042-fix",
            repo.Git("rev-parse", "main"),
            DeleteBranch: true,
            repo.Head,
            new JournalMerge("main", repo.Git("rev-parse", "main"), null, "Merge into main\n\nIncident: INC-2026-0042"),
            new JournalMerge("develop", repo.Git("rev-parse", "develop"), repo.Git("rev-parse", "develop"), "Back-merge \"quoted\"\n"),
            FinishStep.Begun);

    [Fact]
    public void Begin_is_exclusive_and_the_entry_round_trips()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        using var git = GitRepository.Open(repo.Path);
        Assert.Null(git.Read());
        var entry = Entry(repo);
        git.Begin(entry);
        Assert.Equal(".git/hotfix-finish.json", git.Location);
        Assert.True(File.Exists(Path.Combine(repo.Path, ".git", "hotfix-finish.json")));

        var read = git.Read()!;
        Assert.Equal(entry, read.Entry);
        Assert.Null(read.RunningOwner);

        var second = Assert.Throws<HotfixOperationException>(() => git.Begin(entry with { Branch = "other" }));
        Assert.Contains("an interrupted hotfix finish of hotfix/INC-2026-0042-fix is recorded in .git/hotfix-finish.json", second.Message);
        Assert.Equal(entry, git.Read()!.Entry);

        git.Record(entry with { Step = FinishStep.MovingMain });
        Assert.Equal(FinishStep.MovingMain, git.Read()!.Entry.Step);
        git.End();
        Assert.Null(git.Read());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(repo.Path, ".git"), "hotfix-finish*"));
    }

    [Fact]
    public void A_foreign_lock_stops_begin_before_the_journal_exists()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        using var git = GitRepository.Open(repo.Path);
        var lockFile = Path.Combine(repo.Path, ".git", "refs", "heads", "develop.lock");
        File.WriteAllText(lockFile, string.Empty);
        var e = Assert.Throws<HotfixOperationException>(() => git.Begin(Entry(repo)));
        Assert.StartsWith(lockFile + " exists", e.Message);
        Assert.Null(git.Read());
        Assert.True(File.Exists(lockFile));
    }

    [Fact]
    public void Take_over_removes_the_lock_of_the_recorded_step_only_when_it_is_newer_than_the_step()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        using var git = GitRepository.Open(repo.Path);
        var entry = Entry(repo) with { Step = FinishStep.CheckingOut };
        git.Begin(entry);
        var index = Path.Combine(repo.Path, ".git", "index.lock");
        File.WriteAllText(index, string.Empty);
        File.SetLastWriteTimeUtc(index, DateTime.UtcNow.AddMinutes(-10));
        var old = Assert.Throws<HotfixOperationException>(() => git.TakeOver(entry));
        Assert.StartsWith(index + " exists", old.Message);
        Assert.True(File.Exists(index));

        File.SetLastWriteTimeUtc(index, DateTime.UtcNow);
        File.WriteAllText(Path.Combine(repo.Path, ".git", $"hotfix-finish.json.{Environment.ProcessId + 1}.tmp"), "{\"half");
        git.TakeOver(entry);
        Assert.False(File.Exists(index));
        Assert.Equal(["hotfix-finish.json"], Directory.EnumerateFiles(Path.Combine(repo.Path, ".git"), "hotfix-finish*").Select(Path.GetFileName));

        var head = Path.Combine(repo.Path, ".git", "HEAD.lock");
        File.WriteAllText(head, string.Empty);
        var notThisStep = Assert.Throws<HotfixOperationException>(() => git.TakeOver(entry));
        Assert.StartsWith(head + " exists", notThisStep.Message);
        Assert.True(File.Exists(head));
    }

    [Fact]
    public void A_journal_that_is_not_one_is_reported_not_guessed_at()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        File.WriteAllText(Path.Combine(repo.Path, ".git", "hotfix-finish.json"), "not json");
        using var git = GitRepository.Open(repo.Path);
        var e = Assert.Throws<HotfixOperationException>(git.Read);
        Assert.Contains(".git/hotfix-finish.json is not a journal hotfix finish wrote", e.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_owner_that_ends_while_its_journal_is_read_is_not_taken_for_an_interrupted_finish(bool ownerEndedItsJournal)
    {
        // Seen in CI: a second finish read the first one's journal, the first then ended it and exited, and the second
        // asked whether the owner lived only after that — "interrupted, run hotfix finish to complete it" was wrong.
        using var repo = HotfixRepositories.MainAndDevelop();
        using var git = GitRepository.Open(repo.Path);
        var entry = Entry(repo);
        git.Begin(entry);
        using var owner = Process.Start(new ProcessStartInfo("sleep", "120") { UseShellExecute = false })!;
        var journalPath = Path.Combine(repo.Path, ".git", "hotfix-finish.json");
        var journal = JsonNode.Parse(File.ReadAllText(journalPath))!;
        var stat = File.ReadAllText($"/proc/{owner.Id}/stat");
        journal["pid"] = owner.Id;
        journal["processStart"] = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        File.WriteAllText(journalPath, journal.ToJsonString());
        Assert.Equal($"pid {owner.Id}", git.Read()!.RunningOwner);

        var ends = 0;
        git.BeforeOwnerCheck = () =>
        {
            if (ends++ == 0)
            {
                if (ownerEndedItsJournal)
                {
                    File.Delete(journalPath);
                }

                owner.Kill();
                owner.WaitForExit();
            }
        };
        var refused = Assert.Throws<HotfixOperationException>(() => git.Begin(entry with { Branch = "second" }));
        if (ownerEndedItsJournal)
        {
            Assert.Contains("another hotfix finish was running in this repository at the same time and has just ended", refused.Message);
        }
        else
        {
            // Killed with its journal in place: that one is interrupted, and a plain finish completes it.
            Assert.Contains("an interrupted hotfix finish of hotfix/INC-2026-0042-fix is recorded", refused.Message);
            Assert.Null(git.Read()!.RunningOwner);
        }
    }
}
