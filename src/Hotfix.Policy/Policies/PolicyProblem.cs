namespace Hotfix.Policy.Policies;

/// <summary>One thing wrong in a policy file: where (a JSON path), what was found, what was expected.</summary>
public sealed record PolicyProblem(string Path, string Found, string Expected)
{
    public override string ToString() => $"{Path}: found {Found}; expected {Expected}";
}
