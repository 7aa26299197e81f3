namespace Hotfix.Policy.Policies.Validation;

/// <summary>The subset of git's check-ref-format rules that matter for branch names written in a policy.</summary>
internal static class GitNames
{
    public const string ExpectedBranchForm = "a git branch name (no spaces, no ~ ^ : ? * [ \\, no '..', not starting or ending with '/' or '.')";

    public static bool IsValidBranchName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.StartsWith('/') || name.EndsWith('/') || name.StartsWith('.') || name.EndsWith('.')
            || name.StartsWith('-') || name.EndsWith(".lock", StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal)
            || name.Contains("//", StringComparison.Ordinal) || name.Contains("@{", StringComparison.Ordinal) || name == "@"
            || name.Contains("/.", StringComparison.Ordinal))
        {
            return false;
        }

        return !name.Any(c => char.IsControl(c) || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\');
    }
}
