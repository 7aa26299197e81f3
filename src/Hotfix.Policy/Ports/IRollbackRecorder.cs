using Hotfix.Policy.Workloads;

namespace Hotfix.Policy.Ports;

/// <summary>
/// Where rollbacks are documented ("every rollback must be documented with reason and verification"). Records are
/// append-only: a rollback appends a <c>started</c> record before its first write and a <c>finished</c> record with
/// the outcome and verification. The CLI's adapter appends JSON lines to a folder; a host can forward them to its
/// incident record.
/// </summary>
public interface IRollbackRecorder
{
    /// <summary>Where records go, for messages (a path, a URL).</summary>
    string Location { get; }

    /// <summary>Appends one record; throws when it cannot (the procedure then does not patch anything).</summary>
    void Append(RollbackRecord record);
}
