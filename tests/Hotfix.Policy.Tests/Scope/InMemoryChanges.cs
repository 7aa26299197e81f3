using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Tests.Scope;

/// <summary>
/// Change sets built in memory, for the logic of the scope rules, formatting, moves and the test plan. The same rules
/// run against real repositories in Hotfix.Cli.Tests (Scope/*); these tests pin the edge cases cheaply.
/// </summary>
internal static class InMemoryChanges
{
    public static FileChange Modified(string path, string oldText, string newText) =>
        Change(FileChangeKind.Modified, path, path, oldText, newText);

    public static FileChange Added(string path, string text) => Change(FileChangeKind.Added, path, null, null, text);

    public static FileChange Deleted(string path, string text) => Change(FileChangeKind.Deleted, path, path, text, null);

    public static FileChange Renamed(string oldPath, string path, string oldText, string newText) =>
        Change(FileChangeKind.Renamed, path, oldPath, oldText, newText);

    public static FileChange Change(FileChangeKind kind, string path, string? oldPath, string? oldText, string? newText) => new(
        kind,
        path,
        oldPath,
        oldText is null ? EntryMode.Missing : EntryMode.File,
        newText is null ? EntryMode.Missing : EntryMode.File,
        oldText is null ? null : Id(oldText),
        newText is null ? null : Id(newText),
        () => oldText is null ? null : FileContent.FromText(oldText),
        () => newText is null ? null : FileContent.FromText(newText));

    public static CheckContext Context(
        IReadOnlyList<FileChange> files,
        CheckOptions? options = null,
        HotfixPolicy? policy = null,
        string branch = "hotfix/INC-2026-0042-fix-rounding") =>
        new(
            policy ?? HotfixPolicy.Runbook,
            new CheckSubject(branch, new string('b', 40)),
            options ?? new CheckOptions(),
            new PortSet().Add<IChangeSetReader>(new Reader(new ChangeSet("main", new string('a', 40), new string('b', 40), files))));

    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    private static string Id(string text) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed class Reader(ChangeSet changes) : IChangeSetReader
    {
        public bool TryReadChangeSet(string baseBranch, string remote, string headCommit, [NotNullWhen(true)] out ChangeSet? changeSet, [NotNullWhen(false)] out string? unavailableReason)
        {
            changeSet = changes;
            unavailableReason = null;
            return true;
        }

        public FileContent? ReadFile(string commit, string path) => changes.Find(path)?.NewContent;

        public IReadOnlyList<string> ListFiles(string commit) => changes.Files.Select(f => f.Path).ToList();
    }
}
