namespace Hotfix.Policy.Checks;

/// <summary>What is being checked: a branch and the commit it points at.</summary>
public sealed record CheckSubject(string BranchName, string CommitSha)
{
    public string ShortSha => CommitSha.Length > 7 ? CommitSha[..7] : CommitSha;
}
