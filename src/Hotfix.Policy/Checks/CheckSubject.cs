namespace Hotfix.Policy.Checks;

/// <summary>What is being checked: a branch and the commit it points at.</summary>
/// <param name="BranchName">The branch checked (e.g. hotfix/INC-2026-0042-fix-login).</param>
/// <param name="CommitSha">The full id of the commit it points at.</param>
public sealed record CheckSubject(string BranchName, string CommitSha)
{
    /// <summary>The first seven characters of the commit id, for headings.</summary>
    public string ShortSha => CommitSha.Length > 7 ? CommitSha[..7] : CommitSha;
}
