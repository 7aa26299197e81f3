using Hotfix.Policy.Changes;
using Hotfix.Policy.Changes.Formatting;
using Hotfix.Policy.Paths;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks.Scope;

/// <summary>
/// The change set seen through the scope policy, shared by HF1101–HF1105, the scope section and classification:
/// each file's role and components; line diffs, formatting verdicts and block moves are computed only when a rule
/// asks for them.
/// </summary>
internal sealed class ScopeAnalysis
{
    private readonly Lazy<IReadOnlyList<BlockMove>> moves;

    private ScopeAnalysis(ChangeSet? changes, string? unavailableReason, IReadOnlyList<FileAnalysis> files, bool readerMissing = false)
    {
        ReaderMissing = readerMissing;
        Changes = changes;
        UnavailableReason = unavailableReason;
        Files = files;
        moves = new Lazy<IReadOnlyList<BlockMove>>(() => BlockMoves.Find(
            Files.Where(f => f.Role.IsReadByReviewer() && !f.Formatting.IsFormattingOnly).Select(f => f.Change).ToList()));
    }

    public ChangeSet? Changes { get; }

    /// <summary>Why there is no change set (shallow clone, missing main …); the rules then report it instead of guessing.</summary>
    public string? UnavailableReason { get; }

    public IReadOnlyList<FileAnalysis> Files { get; }

    /// <summary>
    /// The host supplied no <see cref="IChangeSetReader"/> (it embeds only part of the core): the scope checks do not
    /// apply and say nothing, unlike a reader that could not read the change, which is reported.
    /// </summary>
    public bool ReaderMissing { get; }

    /// <summary>Files people wrote and the reviewer reads: code and tests.</summary>
    public IEnumerable<FileAnalysis> Reviewed => Files.Where(f => f.Role.IsReadByReviewer());

    /// <summary>Files that count against the size budget (HF1101): reviewed code, not tests.</summary>
    public IEnumerable<FileAnalysis> Counted => Files.Where(f => f.Role == FileRole.Reviewed);

    /// <summary>Files whose whole change is moving code (HF1105); formatting-only files are HF1102's and left out.</summary>
    public IReadOnlyList<BlockMove> Moves => moves.Value;

    /// <summary>Components touched by the change, in policy order.</summary>
    public IReadOnlyList<string> TouchedComponents(HotfixPolicy policy) =>
        policy.Components.Select(c => c.Name).Where(name => Files.Any(f => f.Components.Contains(name))).ToList();

    public static ScopeAnalysis Of(CheckContext context) => context.Fact(Build);

    private static ScopeAnalysis Build(CheckContext context)
    {
        if (context.Ports.Find<IChangeSetReader>() is null)
        {
            return new ScopeAnalysis(null, "the host supplied no change-set reader (IChangeSetReader)", [], readerMissing: true);
        }

        var fact = ChangeSetFact.Of(context);
        if (fact.Changes is not { } changes)
        {
            return new ScopeAnalysis(null, fact.UnavailableReason, []);
        }

        var scope = context.Policy.Scope;
        var generated = GlobSet.Of(scope.Generated);
        var vendored = GlobSet.Of(scope.Vendored);
        var locks = GlobSet.Of(scope.LockFiles);
        var tests = GlobSet.Of(scope.Tests);
        var components = context.Policy.Components.Select(c => (c.Name, Globs: GlobSet.OfOwnedPaths(c.Paths))).ToList();
        var attributes = LinguistAttributes.Parse(context.Ports.Require<IChangeSetReader>().ReadFile(changes.Head, ".gitattributes")?.Text);

        var files = new List<FileAnalysis>(changes.Files.Count);
        foreach (var change in changes.Files)
        {
            var (role, reason) = RoleOf(change.Path, vendored, locks, generated, attributes);
            if (role == FileRole.Reviewed && tests.FirstMatch(change.Path) is { } test)
            {
                (role, reason) = (FileRole.Test, $"scope.tests '{test.Pattern}'");
            }

            // Last, so only files no path rule counted apart are opened — and then only their head (the line count
            // reads the same blob).
            if (role == FileRole.Reviewed && !attributes.IsMarkedNotGenerated(change.Path)
                && GeneratedHeader.MarkerOf(change.NewContent ?? change.OldContent) is { } marker)
            {
                (role, reason) = (FileRole.Generated, marker);
            }

            var paths = change.OldPath is { } old && old != change.Path ? new[] { change.Path, old } : [change.Path];
            var owners = components.Where(c => c.Globs.FirstMatch(paths) is not null).Select(c => c.Name).ToList();
            files.Add(new FileAnalysis(change, role, reason, owners));
        }

        return new ScopeAnalysis(changes, null, files);
    }

    private static (FileRole Role, string? Reason) RoleOf(string path, GlobSet vendored, GlobSet locks, GlobSet generated, LinguistAttributes attributes)
    {
        if (vendored.FirstMatch(path) is { } v)
        {
            return (FileRole.Vendored, $"scope.vendored '{v.Pattern}'");
        }

        if (attributes.IsVendored(path))
        {
            return (FileRole.Vendored, ".gitattributes linguist-vendored");
        }

        if (locks.FirstMatch(path) is { } l)
        {
            return (FileRole.LockFile, $"scope.lockFiles '{l.Pattern}'");
        }

        if (generated.FirstMatch(path) is { } g)
        {
            return (FileRole.Generated, $"scope.generated '{g.Pattern}'");
        }

        return attributes.IsGenerated(path) ? (FileRole.Generated, ".gitattributes linguist-generated") : (FileRole.Reviewed, null);
    }
}
