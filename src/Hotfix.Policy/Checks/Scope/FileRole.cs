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

    /// <summary>
    /// A test (policy <c>scope.tests</c>): read by the reviewer like <see cref="Reviewed"/> files, but counted apart so the
    /// regression test that proves a fix never pushes it over its budget.
    /// </summary>
    Test,
}

internal static class FileRoles
{
    /// <summary>Written by people and read by the reviewer: code and its tests (formatting, refactors and kinds are judged on these).</summary>
    public static bool IsReadByReviewer(this FileRole role) => role is FileRole.Reviewed or FileRole.Test;

    public static string Name(this FileRole role) => role switch
    {
        FileRole.Generated => "generated",
        FileRole.Vendored => "vendored",
        FileRole.LockFile => "lock file",
        FileRole.Test => "test",
        _ => "reviewed",
    };
}
