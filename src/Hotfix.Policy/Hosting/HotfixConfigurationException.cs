namespace Hotfix;

/// <summary>
/// The engine was assembled without an adapter a registered module declares it needs: a host mistake, found when the
/// engine is built rather than by a rule that would otherwise report nothing.
/// </summary>
public sealed class HotfixConfigurationException : Exception
{
    /// <summary>Creates the exception for the missing registrations, one line each.</summary>
    public HotfixConfigurationException(IReadOnlyList<string> missing)
        : base("The Hotfix engine is missing adapters:\n" + string.Join('\n', missing.Select(m => "  " + m)))
    {
        Missing = missing;
    }

    /// <summary>Each missing registration, as "module 'x' needs an adapter for IPort".</summary>
    public IReadOnlyList<string> Missing { get; }
}
