using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// Names read from the syntax of a whole compilation — once, on first need, and only from the files whose text may
/// hold one (another file's semantic model is out of reach of an analyzer, RS1030). For facts a rule needs about code
/// elsewhere on the rare path where it is about to report: the SQL constants of a queries class, the entities a
/// global query filter scopes.
/// </summary>
internal sealed class CompilationNames
{
    private readonly Lazy<HashSet<string>> names;

    /// <param name="compilation">The compilation whose files are read.</param>
    /// <param name="mayHold">The cheap test of a file's text: false skips the file without parsing it.</param>
    /// <param name="read">The names one file's syntax root holds.</param>
    /// <param name="cancellationToken">The compilation start's token.</param>
    public CompilationNames(Compilation compilation, Func<string, bool> mayHold, Func<SyntaxNode, IEnumerable<string>> read, CancellationToken cancellationToken) =>
        names = new Lazy<HashSet<string>>(
            () =>
            {
                var found = new HashSet<string>(StringComparer.Ordinal);
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (mayHold(tree.GetText(cancellationToken).ToString()))
                    {
                        found.UnionWith(read(tree.GetRoot(cancellationToken)));
                    }
                }

                return found;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);

    public bool Contains(string name) => names.Value.Contains(name);
}
