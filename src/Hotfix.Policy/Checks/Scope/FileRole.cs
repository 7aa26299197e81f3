namespace Hotfix.Policy.Checks.Scope;

/// <summary>How a changed file is counted. Only <see cref="Reviewed"/> files count against the size budget (HF1101).</summary>
internal enum FileRole
{
    /// <summary>Written by people and read by the reviewer: counts against the budget.</summary>
    Reviewed,

    /// <summary>Produced by a tool (policy <c>scope.generated</c>, .gitattributes <c>linguist-generated</c>).</summary>
    Generated,

    /// <summary>Third-party code checked in (policy <c>scope.vendored</c>, .gitattributes <c>linguist-vendored</c>).</summary>
    Vendored,

    /// <summary>A package manager's lock file (policy <c>scope.lockFiles</c>); HF1103 names its package changes.</summary>
    LockFile,
}

internal static class FileRoles
{
    public static string Name(this FileRole role) => role switch
    {
        FileRole.Generated => "generated",
        FileRole.Vendored => "vendored",
        FileRole.LockFile => "lock file",
        _ => "reviewed",
    };
}
