namespace Hotfix.Policy.Findings;

/// <summary>How much a finding matters. <see cref="Error"/> is blocking: it fails <c>hotfix check</c> (exit 1).</summary>
// Public in the core (findings carry it), internal in the analyzer assembly, which must not export the core's types.
#if HOTFIX_ANALYZERS
internal enum FindingSeverity
#else
public enum FindingSeverity
#endif
{
    /// <summary>For information only; never blocks. Waived findings become info.</summary>
    Info = 0,
    /// <summary>Worth a look before merging; does not block.</summary>
    Warning = 1,
    /// <summary>Breaks the runbook: blocks <c>hotfix check</c> (exit 1) unless waived.</summary>
    Error = 2,
}
