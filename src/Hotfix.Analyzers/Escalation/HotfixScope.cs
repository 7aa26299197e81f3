using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Hotfix.Analyzers.Escalation;

/// <summary>
/// What the build knows about the hotfix, read once per compilation: the branch (MSBuild property <c>HotfixBranch</c>,
/// made visible to analyzers by the package's props), the hotfix branch prefix, the repository root and the lines the
/// hotfix changed (the <see cref="ChangedLines.ManifestFileName"/> additional file). Every HF analyzer reports through
/// <see cref="Report"/>, which picks the escalated or the background severity.
/// </summary>
/// <remarks>
/// Why severity through the diagnostic rather than a pair of descriptors per rule: an HF id must stay one rule for the
/// IDE ("configure severity"), for <c>#pragma</c>/SuppressMessage, for SARIF rule tables and for the CLI, which share
/// the id; and both levels are configurable to any severity, which a fixed error/warning pair cannot express.
/// <see cref="Diagnostic.Create(DiagnosticDescriptor, Location, DiagnosticSeverity, IEnumerable{Location}, ImmutableDictionary{string, string}, object[])"/>
/// with an effective severity is the mechanism the IDE's own code-style analyzers use for <c>option = value:severity</c>,
/// and the compiler keeps that severity unless the user pins the id with <c>dotnet_diagnostic.HFxxxx.severity</c> —
/// which then wins over both levels, as a user's explicit choice should.
/// Outside a git repository, on a branch that is not a hotfix branch, or when the manifest is missing, nothing is
/// escalated and every finding is reported at its background level.
/// </remarks>
internal sealed class HotfixScope
{
    /// <summary>Diagnostic property: "true" when the finding is on a line the hotfix changed.</summary>
    public const string EscalatedProperty = "HotfixEscalated";

    public const string BranchProperty = "build_property.HotfixBranch";
    public const string BranchPrefixProperty = "build_property.HotfixBranchPrefix";
    public const string RepositoryRootProperty = "build_property.HotfixRepositoryRoot";
    public const string DefaultBranchPrefix = "hotfix/";

    private const string EscalationNote = " (on a line this hotfix changes)";

    private static readonly ConditionalWeakTable<AdditionalText, ChangedLines> ParsedManifests = new();

    /// <summary>Where each descriptor's escalation note goes: read from its format once, not once per finding.</summary>
    private static readonly ConditionalWeakTable<DiagnosticDescriptor, StrongBox<int>> NoteIndexes = new();

    private readonly AnalyzerOptions options;
    private readonly ChangedLines changed;
    private readonly string? repositoryRoot;
    private readonly GeneratedCodeLocations? generatedCode;
    private readonly CancellationToken cancellationToken;

    private HotfixScope(AnalyzerOptions options, string? branch, ChangedLines changed, string? repositoryRoot, GeneratedCodeLocations? generatedCode, CancellationToken cancellationToken)
    {
        this.options = options;
        Branch = branch;
        this.changed = changed;
        this.repositoryRoot = repositoryRoot;
        this.generatedCode = generatedCode;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The hotfix branch being built, or null when escalation is off (not a hotfix branch, no manifest).</summary>
    public string? Branch { get; }

    /// <param name="generatedCode">
    /// For a rule that lets the compiler report in generated code (see <see cref="HotfixAnalyzer.JudgesGeneratedCode"/>):
    /// the test that drops such findings here instead.
    /// </param>
    public static HotfixScope Create(AnalyzerOptions options, CancellationToken cancellationToken, GeneratedCodeLocations? generatedCode = null)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        global.TryGetValue(BranchProperty, out var branch);
        if (!global.TryGetValue(BranchPrefixProperty, out var prefix) || string.IsNullOrWhiteSpace(prefix))
        {
            prefix = DefaultBranchPrefix;
        }

        global.TryGetValue(RepositoryRootProperty, out var root);
        var manifest = options.AdditionalFiles.FirstOrDefault(f => IsManifest(f.Path));
        if (string.IsNullOrWhiteSpace(branch) || !branch!.Trim().StartsWith(prefix!.Trim(), StringComparison.Ordinal) ||
            string.IsNullOrWhiteSpace(root) || manifest == null)
        {
            return new HotfixScope(options, null, ChangedLines.Empty, null, generatedCode, cancellationToken);
        }

        var changed = ParsedManifests.GetValue(manifest, m => Read(m, cancellationToken));
        return new HotfixScope(options, branch.Trim(), changed, NormalizeDirectory(root!), generatedCode, cancellationToken);
    }

    /// <summary>
    /// Reports a finding at the escalated severity when <paramref name="location"/>, the span of
    /// <paramref name="scope"/> (the statement around it) or any of <paramref name="related"/> touches a changed line,
    /// at the background severity otherwise. With <paramref name="onlyWhenChanged"/> a finding that is not on a changed
    /// line is not reported at all (for changes that are only suspicious when a hotfix makes them).
    /// </summary>
    public void Report(
        Action<Diagnostic> report,
        DiagnosticDescriptor descriptor,
        Location location,
        SyntaxNode? scope = null,
        IEnumerable<Location>? related = null,
        ImmutableDictionary<string, string?>? properties = null,
        bool onlyWhenChanged = false,
        params object?[] messageArgs) =>
        Report(report, descriptor, location, () => messageArgs, scope, related, properties, onlyWhenChanged);

    /// <summary>
    /// As <see cref="Report(Action{Diagnostic}, DiagnosticDescriptor, Location, SyntaxNode?, IEnumerable{Location}?, ImmutableDictionary{string, string?}?, bool, object?[])"/>,
    /// with message arguments that are worth building only for a finding that is reported (a sketch of the SQL, a
    /// quoted piece of code): <paramref name="messageArgs"/> runs after the severity is known, and not at all when the
    /// finding is configured away.
    /// </summary>
    public void Report(
        Action<Diagnostic> report,
        DiagnosticDescriptor descriptor,
        Location location,
        Func<object?[]> messageArgs,
        SyntaxNode? scope = null,
        IEnumerable<Location>? related = null,
        ImmutableDictionary<string, string?>? properties = null,
        bool onlyWhenChanged = false)
    {
        if (generatedCode != null && generatedCode.Contains(location, cancellationToken))
        {
            return;
        }

        var relatedLocations = related?.Where(l => l.IsInSource).ToImmutableArray() ?? ImmutableArray<Location>.Empty;
        var escalated = Branch != null && (IsChanged(location) || (scope != null && IsChanged(scope.SyntaxTree, EscalationSpan.Of(scope))) ||
            relatedLocations.Any(IsChanged));
        if (onlyWhenChanged && !escalated)
        {
            return;
        }

        var tree = location.SourceTree;
        var config = tree != null ? options.AnalyzerConfigOptionsProvider.GetOptions(tree) : options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var severity = escalated
            ? SeverityOption.Read(config, descriptor.Id, SeverityOption.Escalated, HotfixDescriptors.EscalatedSeverity)
            : SeverityOption.Read(config, descriptor.Id, SeverityOption.Background, HotfixDescriptors.BackgroundSeverity(descriptor));
        if (severity == null)
        {
            return;
        }

        // The descriptor's format ends with the escalation note's placeholder (see HotfixDescriptors.Message).
        var noteIndex = NoteIndexes.GetValue(descriptor, d => new StrongBox<int>(
            HotfixDescriptors.ArgumentCount(d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)) - 1)).Value;
        var args = new object?[Math.Max(noteIndex + 1, 1)];
        var given = messageArgs();
        Array.Copy(given, args, Math.Min(given.Length, args.Length - 1));
        args[args.Length - 1] = escalated ? EscalationNote : string.Empty;
        var props = (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(EscalatedProperty, escalated ? "true" : "false");
        report(Diagnostic.Create(descriptor, location, severity.Value, relatedLocations, props, args));
    }

    private bool IsChanged(Location location) =>
        location.IsInSource && location.SourceTree != null && IsChanged(location.SourceTree, location.SourceSpan);

    private bool IsChanged(SyntaxTree tree, TextSpan span)
    {
        if (Branch == null || changed.FileCount == 0)
        {
            return false;
        }

        var path = RelativePath(tree.FilePath);
        if (path == null)
        {
            return false;
        }

        var lines = tree.GetLineSpan(span);
        return changed.Intersects(path, lines.StartLinePosition.Line + 1, lines.EndLinePosition.Line + 1);
    }

    private string? RelativePath(string filePath)
    {
        if (string.IsNullOrEmpty(filePath) || repositoryRoot == null)
        {
            return null;
        }

        var path = filePath.Replace('\\', '/');
        var comparison = LooksLikeWindowsPath(path) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return path.StartsWith(repositoryRoot, comparison) ? path.Substring(repositoryRoot.Length) : null;
    }

    private static bool LooksLikeWindowsPath(string path) => path.Length > 2 && path[1] == ':';

    private static string NormalizeDirectory(string root)
    {
        var normalized = root.Trim().Replace('\\', '/');
        return normalized.EndsWith("/", StringComparison.Ordinal) ? normalized : normalized + "/";
    }

    private static bool IsManifest(string path)
    {
        var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
        return string.Equals(name, ChangedLines.ManifestFileName, StringComparison.OrdinalIgnoreCase);
    }

    private static ChangedLines Read(AdditionalText manifest, CancellationToken cancellationToken)
    {
        var text = manifest.GetText(cancellationToken);
        return text == null ? ChangedLines.Empty : ChangedLines.Parse(text.Lines.Select(l => l.ToString()));
    }
}
