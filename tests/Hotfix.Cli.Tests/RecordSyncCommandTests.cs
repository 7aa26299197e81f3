using System.Text.Json;
using Hotfix.TestSupport;

namespace Hotfix.Cli.Tests;

/// <summary>
/// <c>hotfix record --sync / --list</c> with a bare origin and two engineers' clones: the record lives in git, travels
/// with fetch and push, and never shows up in the working tree. Cross-checked with the git CLI.
/// </summary>
public class RecordSyncCommandTests
{
    private static readonly Dictionary<string, string> Alice = new() { ["HOTFIX_USER"] = "alice" };
    private static readonly Dictionary<string, string> Bob = new() { ["HOTFIX_USER"] = "bob" };
    private const string Ref = "refs/hotfix/incidents/INC-2026-0042";

    private static List<string> Timeline(string clone)
    {
        var result = CliRun.Run(clone, "record", "INC-2026-0042", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("summary").GetString()!).ToList();
    }

    private static CliResult Ok(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    [Fact]
    public void Two_engineers_clones_hold_the_same_complete_record_after_sync_and_the_working_tree_stays_clean()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var origin = repo.AddOrigin();
        var bob = repo.CloneOrigin("bob");

        var decided = Ok(CliRun.Run(repo.Path, Alice, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--incident", "INC-2026-0042"));
        Assert.Contains($"recorded in {Ref} in {Path.Combine(repo.Path, ".git")}", decided.Error);
        var noted = Ok(CliRun.Run(bob, Bob, "record", "INC-2026-0042", "--note", "paged the DBA"));
        Assert.Contains($"hotfix: recorded in {Ref} in {Path.Combine(bob, ".git")}", noted.Error);

        Assert.Contains("0 entries received, 1 sent", Ok(CliRun.Run(repo.Path, "record", "INC-2026-0042", "--sync")).Error);
        Assert.Contains("1 entry received, 1 sent; 2 in the record", Ok(CliRun.Run(bob, "record", "INC-2026-0042", "--sync")).Error);
        Assert.Contains("1 entry received, 0 sent; 2 in the record", Ok(CliRun.Run(repo.Path, "record", "INC-2026-0042", "--sync")).Error);

        Assert.Equal(Timeline(repo.Path), Timeline(bob));
        Assert.Equal(2, Timeline(bob).Count);
        Assert.Equal(GitCli.Run(origin, "rev-parse", Ref), repo.Git("rev-parse", Ref));
        Assert.Equal(GitCli.Run(origin, "rev-parse", Ref), GitCli.Run(bob, "rev-parse", Ref));
        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=all"));
        Assert.Equal(string.Empty, GitCli.Run(bob, "status", "--porcelain", "--untracked-files=all"));

        // What CI does to read a pull request's incident: fetch the records with the documented refspec.
        var ci = repo.CloneOrigin("ci");
        GitCli.Run(ci, "fetch", "--quiet", "origin", "refs/hotfix/*:refs/hotfix/*");
        Assert.Equal(Timeline(bob), Timeline(ci));
    }

    [Fact]
    public void List_shows_the_incidents_of_the_repository()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        Ok(CliRun.Run(repo.Path, Alice, "record", "INC-2026-0042", "--note", "one", "--note", "two"));
        Ok(CliRun.Run(repo.Path, Alice, "record", "INC-2026-0007", "--note", "other"));

        var list = Ok(CliRun.Run(repo.Path, "record", "--list"));
        var lines = list.Out.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("INC-2026-0007     1 entries", lines[0]);
        Assert.StartsWith("INC-2026-0042     2 entries", lines[1]);
        Assert.Equal("refs/hotfix/incidents/INC-2026-0007\nrefs/hotfix/incidents/INC-2026-0042", repo.Git("for-each-ref", "--format=%(refname)", "refs/hotfix/incidents/"));
        Assert.Equal(2, CliRun.Run(repo.Path, "record", "INC-2026-0042", "--list").ExitCode);
        Assert.Equal(2, CliRun.Run(repo.Path, "record").ExitCode);
    }

    [Fact]
    public void Old_jsonl_records_are_imported_once_with_a_message()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var folder = Path.Combine(repo.Path, ".hotfix", "incidents");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "INC-2026-0042.jsonl"),
            """{"schemaVersion":1,"incident":"INC-2026-0042","kind":"note","at":"2026-03-24T10:00:00+01:00","by":"sandro","summary":"written by an older hotfix"}""" + "\n");

        var first = Ok(CliRun.Run(repo.Path, "record", "INC-2026-0042"));
        Assert.Contains($"hotfix: imported 1 of the 1 entries of {Path.Combine(folder, "INC-2026-0042.jsonl")} into {Ref}", first.Error);
        Assert.Contains("written by an older hotfix", first.Out);
        Assert.True(File.Exists(Path.Combine(folder, "INC-2026-0042.jsonl.imported")));
        Assert.False(File.Exists(Path.Combine(folder, "INC-2026-0042.jsonl")));

        var second = Ok(CliRun.Run(repo.Path, "record", "INC-2026-0042"));
        Assert.DoesNotContain("imported", second.Error);
        Assert.Equal(["written by an older hotfix"], Timeline(repo.Path));
        Assert.Equal("1", repo.Git("rev-list", "--count", Ref));
    }

    [Fact]
    public void An_unreachable_remote_exits_3_and_the_entry_stays_local_until_a_later_sync()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var origin = repo.AddOrigin();
        Directory.Move(origin, origin + ".offline");
        var result = CliRun.Run(repo.Path, Alice, "record", "INC-2026-0042", "--note", "written on the train", "--sync");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot fetch the incident record from remote 'origin'", result.Error);
        Assert.Equal(["written on the train"], Timeline(repo.Path));

        Directory.Move(origin + ".offline", origin);
        Ok(CliRun.Run(repo.Path, "record", "INC-2026-0042", "--sync"));
        Assert.Equal(repo.Git("rev-parse", Ref), GitCli.Run(origin, "rev-parse", Ref));

        var noRemote = CliRun.Run(repo.Path, "record", "INC-2026-0042", "--sync", "--remote", "upstream");
        Assert.Equal(2, noRemote.ExitCode);
        Assert.Contains("--remote 'upstream': no such remote", noRemote.Error);
    }

    [Fact]
    public void With_records_sync_auto_every_write_is_pushed_and_an_offline_write_only_warns()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var origin = repo.AddOrigin();
        repo.Commit("Sync records automatically", ("hotfix.json", """{ "records": { "sync": "auto" } }"""));
        Ok(CliRun.Run(repo.Path, Alice, "record", "INC-2026-0042", "--note", "pushed at once"));
        Assert.Equal(repo.Git("rev-parse", Ref), GitCli.Run(origin, "rev-parse", Ref));

        Directory.Move(origin, origin + ".offline");
        var offline = Ok(CliRun.Run(repo.Path, Alice, "record", "INC-2026-0042", "--note", "offline"));
        Assert.Contains("hotfix: warning: records.sync is auto but the record was not synced", offline.Error);
        Assert.Equal(["pushed at once", "offline"], Timeline(repo.Path));

        Assert.Equal(2, CliRun.Run(repo.Path, "policy", "validate", WriteBadSyncPolicy(repo)).ExitCode);
    }

    [Fact]
    public void Outside_any_repository_a_record_is_refused_rather_than_scattered()
    {
        using var dir = new TempDirectory();
        var result = CliRun.Run(dir.Path, Alice, "decide", "--root-cause", "unknown", "--impact", "ongoing", "--incident", "INC-2026-0042");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not inside a git repository; expected to run in the service's repository or with --repo PATH", result.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));

        using var repo = HotfixRepositories.MainAndDevelop();
        Ok(CliRun.Run(dir.Path, Alice, "record", "INC-2026-0042", "--note", "from elsewhere", "--repo", repo.Path));
        Assert.Equal(["from elsewhere"], Timeline(repo.Path));
    }

    /// <summary>Several hotfix processes in one clone append at once: the ref's compare-and-swap loses none.</summary>
    [Fact]
    public void Concurrent_processes_in_one_clone_never_lose_an_entry()
    {
        using var repo = HotfixRepositories.MainAndDevelop();
        var dll = Path.Combine(AppContext.BaseDirectory, "hotfix.dll");
        var results = new ProcessResult[4];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, i =>
            results[i] = ProcessRunner.Run("dotnet", ["exec", dll, "record", "INC-2026-0042", .. Enumerable.Range(0, 10).SelectMany(n => new[] { "--note", $"p{i}-n{n}" })], repo.Path, RecordConcurrency.Environment));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));

        var seen = Timeline(repo.Path);
        Assert.Equal(40, seen.Count);
        Assert.Equal(40, seen.Distinct().Count());
        Assert.Equal(string.Empty, repo.Git("status", "--porcelain", "--untracked-files=all"));
    }

    private static string WriteBadSyncPolicy(TestRepository repo)
    {
        var path = Path.Combine(repo.Path, "bad-sync.json");
        File.WriteAllText(path, """{ "records": { "sync": "sometimes" } }""");
        return path;
    }
}
