using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Paths;

namespace Hotfix.Policy.Checks.Classification;

/// <summary>
/// Policy <c>classification</c> globs against each changed file's path (and old path, for renames). Files whose whole
/// change is formatting change no behaviour and mark no kind.
/// </summary>
internal sealed class PathSignals : IChangeKindSignalProvider
{
    public IEnumerable<ChangeKindSignal> Signals(CheckContext context)
    {
        var analysis = ScopeAnalysis.Of(context);
        if (analysis.Changes is null)
        {
            yield break;
        }

        var kinds = context.Policy.Classification.Select(k => (Kind: k.Key, Globs: GlobSet.Of(k.Value))).ToList();
        foreach (var file in analysis.Files.Where(f => !f.Formatting.IsFormattingOnly))
        {
            var paths = file.Change.OldPath is { } old && old != file.Path ? new[] { file.Path, old } : [file.Path];
            foreach (var (kind, globs) in kinds)
            {
                if (globs.FirstMatch(paths) is { } glob)
                {
                    yield return new ChangeKindSignal(kind, $"path matches '{glob.Pattern}'", file.Path);
                }
            }
        }
    }
}
