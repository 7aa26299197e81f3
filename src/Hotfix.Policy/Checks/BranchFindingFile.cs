using Hotfix.Policy.Changes;
using Hotfix.Policy.Checks.Scope;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks;

/// <summary>
/// The file a finding about the whole branch (its name, its base, its size …) is shown on where a format needs one:
/// GitHub code scanning rejects a whole SARIF upload when one result has no file. It must be a file of the checked
/// commit, so the alert opens on something real. In order: the policy file the check read (the branch and budget
/// rules come from it; <see cref="CheckContext.PolicyFile"/>), when it is in the repository; else the first file the
/// hotfix changed that the commit still has; else the first file at the commit's root; else the first file of the
/// commit. Null when the host gave no change-set reader or the commit has no file at all. docs/json-report.md
/// ("SARIF") says the same.
/// </summary>
internal static class BranchFindingFile
{
    public static string? Choose(CheckContext context)
    {
        if (context.Ports.Find<IChangeSetReader>() is not { } reader)
        {
            return null;
        }

        var commit = context.Subject.CommitSha;
        if (context.PolicyFile is { } policyFile && reader.ReadFile(commit, policyFile) is not null)
        {
            return policyFile;
        }

        if (ScopeAnalysis.Of(context).Files.FirstOrDefault(f => f.Change.NewMode is EntryMode.File or EntryMode.Executable) is { } changed)
        {
            return changed.Change.Path;
        }

        var files = reader.ListFiles(commit);
        return files.FirstOrDefault(f => !f.Contains('/', StringComparison.Ordinal)) ?? files.FirstOrDefault();
    }
}
