namespace Hotfix.Policy.Decisions;

/// <summary>One problem with one input of a request.</summary>
/// <param name="Input">The request property, e.g. <c>FixEtaMinutes</c>.</param>
/// <param name="Problem">What is wrong and what was expected, e.g. "-5 is out of range; expected minutes from 0 to 100000".</param>
public sealed record InputProblem(string Input, string Problem);

/// <summary>
/// A <see cref="RollbackDecisionRequest"/> that cannot be decided: each problem names the request property, so a host
/// can say which of its own inputs (an option, a chat argument, a form field) to correct.
/// </summary>
public sealed class DecisionInputException : HotfixInputException
{
    /// <summary>Creates the exception; the message lists each problem as "Property: problem".</summary>
    public DecisionInputException(IReadOnlyList<InputProblem> problems)
        : base(Describe(problems, p => p))
    {
        Problems = problems;
    }

    /// <summary>Every problem, in the order the request's properties are validated.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }

    /// <summary>The problems, one per line, with each input named by <paramref name="inputName"/>.</summary>
    public static string Describe(IReadOnlyList<InputProblem> problems, Func<string, string> inputName) =>
        string.Join('\n', problems.Select(p => $"{inputName(p.Input)}: {p.Problem}"));
}
