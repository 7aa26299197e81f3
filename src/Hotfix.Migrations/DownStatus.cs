namespace Hotfix.Migrations;

/// <summary>What Hotfix found about a migration's way back.</summary>
internal enum DownStatus
{
    /// <summary>The down undoes every step of the up, and nothing else.</summary>
    Inverts,

    /// <summary>The down leaves something of the up behind, or changes something the up never touched (HF2007).</summary>
    DoesNotInvert,

    /// <summary>The down exists but contains steps (raw SQL, data changes) whose effect cannot be compared with the up.</summary>
    Unverified,

    /// <summary>The framework derives the down from the up (Rails <c>change</c>, Django operations, Liquibase auto-rollback).</summary>
    Automatic,

    /// <summary>There is no down although the framework has them (HF2003).</summary>
    Missing,

    /// <summary>The down exists but does nothing while the up does something (HF2003).</summary>
    Empty,

    /// <summary>The down raises, or the up uses steps the framework cannot reverse (HF2003).</summary>
    Irreversible,

    /// <summary>The framework has no down migrations; undoing means a forward migration.</summary>
    NotSupported,

    /// <summary>A repeatable migration (Flyway R__): re-applied whenever it changes; no down applies.</summary>
    Repeatable,
}

internal static class DownStatusNames
{
    public static string Name(this DownStatus status) => status switch
    {
        DownStatus.Inverts => "inverts",
        DownStatus.DoesNotInvert => "does-not-invert",
        DownStatus.Unverified => "unverified",
        DownStatus.Automatic => "automatic",
        DownStatus.Missing => "missing",
        DownStatus.Empty => "empty",
        DownStatus.Irreversible => "irreversible",
        DownStatus.NotSupported => "not-supported",
        _ => "repeatable",
    };
}
