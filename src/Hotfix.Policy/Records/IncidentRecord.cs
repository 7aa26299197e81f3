
namespace Hotfix.Policy.Records;

/// <summary>
/// What a store read for one incident: the events in the order they were appended, and every line that could not be
/// read. Problems never hide the lines before or after them.
/// </summary>
/// <param name="Incident">The incident the record belongs to.</param>
/// <param name="Location">Where the record is kept (a path, a URL), for messages.</param>
/// <param name="Exists">False when nothing has been recorded for the incident yet.</param>
/// <param name="Events">The events that could be read, oldest first; empty when there are none.</param>
/// <param name="Problems">Lines that could not be read; empty when every line is a complete event.</param>
public sealed record IncidentRecord(
    IncidentId Incident,
    string Location,
    bool Exists,
    IReadOnlyList<IncidentEvent> Events,
    IReadOnlyList<RecordProblem> Problems)
{
    /// <summary>
    /// The events of one kind (see <see cref="IncidentEventKinds"/>), oldest first; empty when there are none.
    /// </summary>
    public IEnumerable<IncidentEvent> OfKind(string kind) => Events.Where(e => e.Kind == kind);
}

/// <summary>
/// A line of the record that is not a complete event. <see cref="IsTornTail"/>: the last line ends without a line
/// break — an append was interrupted (a crash, a full disk); the events before it are intact.
/// </summary>
/// <param name="Line">The 1-based line number in the record.</param>
/// <param name="Message">What is wrong with the line.</param>
/// <param name="IsTornTail">True when it is an interrupted last append rather than a damaged entry.</param>
public sealed record RecordProblem(int Line, string Message, bool IsTornTail)
{
    /// <summary>"line N: message", for listing problems.</summary>
    public override string ToString() => $"line {Line}: {Message}";
}
