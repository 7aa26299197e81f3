namespace Hotfix.Policy.Findings;

/// <summary>How much a finding matters. <see cref="Error"/> is blocking: it fails <c>hotfix check</c> (exit 1).</summary>
public enum FindingSeverity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
