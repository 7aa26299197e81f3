using Hotfix.Policy.Text;

namespace Hotfix.Policy.Policies;

/// <summary>One thing wrong in a policy file: where (a JSON path), what was found, what was expected.</summary>
/// <param name="Path">Where in the file, as a JSON path (e.g. <c>$.review.followUpDays</c>).</param>
/// <param name="Found">What the file holds there.</param>
/// <param name="Expected">What would be accepted.</param>
public sealed record PolicyProblem(string Path, string Found, string Expected)
{
    /// <summary>One line for messages: "path: found …; expected …".</summary>
    // The path and the value come from the file: a 10 MB value or a key full of escape codes is shown by its start.
    public override string ToString() => $"{Echo.Of(Path, 200)}: found {Echo.Of(Found, 200)}; expected {Expected}";
}
