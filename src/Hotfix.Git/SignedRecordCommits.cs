using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// Incident-record commits are signed when the user signs commits (<c>commit.gpgsign</c>), as git-appraise's and
/// git notes' are not: the record is evidence ("every rollback must be documented"). libgit2 cannot sign, so the commit
/// is made by <c>git commit-tree -S</c>, which signs exactly as <c>git commit</c> would — the user's format (OpenPGP,
/// SSH, X.509), key and program. A signature that cannot be made stops the write, as it stops <c>git commit</c>.
/// </summary>
internal static class SignedRecordCommits
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static bool Wanted(Repository repository) => repository.Config.Get<bool>("commit.gpgsign")?.Value == true;

    public static ObjectId Create(Repository repository, ObjectId tree, IReadOnlyList<Commit> parents, string message, Signature who)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--git-dir", repository.Info.Path, "commit-tree", tree.Sha, "-S", "-F", "-"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var parent in parents)
        {
            start.ArgumentList.Add("-p");
            start.ArgumentList.Add(parent.Sha);
        }

        var date = who.When.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = who.Name;
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = who.Email;
        start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = date;

        const string State = "nothing was recorded; the record is unchanged";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception e)
        {
            throw new HotfixOperationException($"cannot sign the incident-record entry (commit.gpgsign is true): the git program could not start ({e.Message})", State, e);
        }

        using (process)
        {
            process.StandardInput.Write(message);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new HotfixOperationException($"cannot sign the incident-record entry (commit.gpgsign is true): git commit-tree -S did not finish within {Limit.TotalSeconds:0} s (a passphrase prompt?)", State);
            }

            if (process.ExitCode != 0 || !ObjectId.TryParse(output.Result.Trim(), out var id))
            {
                throw new HotfixOperationException($"cannot sign the incident-record entry (commit.gpgsign is true): git commit-tree -S failed ({error.Result.Trim()})", State);
            }

            return id;
        }
    }
}
