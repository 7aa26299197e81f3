namespace Hotfix.Policy.Findings;

/// <summary>How much a finding matters. <see cref="Error"/> is blocking: it fails <c>hotfix check</c> (exit 1).</summary>
// Public in the core (findings carry it), internal in the analyzer assembly, which must not export the core's types.
#if HOTFIX_ANALYZERS
internal enum FindingSeverity
#else
public enum FindingSeverity
#endif
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
