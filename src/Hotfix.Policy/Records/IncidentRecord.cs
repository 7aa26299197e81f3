
namespace Hotfix.Policy.Records;

/// <summary>
/// What a store read for one incident: the events in the order they were appended, and every line that could not be
/// read. Problems never hide the lines before or after them.
/// </summary>
public sealed record IncidentRecord(
    IncidentId Incident,
    string Location,
    bool Exists,
    IReadOnlyList<IncidentEvent> Events,
    IReadOnlyList<RecordProblem> Problems)
{
    public IEnumerable<IncidentEvent> OfKind(string kind) => Events.Where(e => e.Kind == kind);
}

/// <summary>
/// A line of the record that is not a complete event. <see cref="IsTornTail"/>: the last line ends without a line
/// break — an append was interrupted (a crash, a full disk); the events before it are intact.
/// </summary>
public sealed record RecordProblem(int Line, string Message, bool IsTornTail)
{
    public override string ToString() => $"line {Line}: {Message}";
}
