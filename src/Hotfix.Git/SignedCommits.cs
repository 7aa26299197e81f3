using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using LibGit2Sharp;

namespace Hotfix.Git;

/// <summary>
/// Commits hotfix writes are signed when the user signs commits (<c>commit.gpgsign</c>): incident-record entries (as
/// git-appraise's and git notes' are not: the record is evidence) and finish's merge commits (git merge signs them;
/// branch protection may require it). libgit2 cannot sign, so the commit is made by <c>git commit-tree -S</c>, which
/// signs exactly as <c>git commit</c> would — the user's format (OpenPGP, SSH, X.509), key and program. A signature
/// that cannot be made stops the write, as it stops <c>git commit</c>.
/// </summary>
internal static class SignedCommits
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static bool Wanted(Repository repository) => repository.Config.Get<bool>("commit.gpgsign")?.Value == true;

    /// <summary>How commits will be signed, for plans: the format and key git will use.</summary>
    public static string Describe(Repository repository)
    {
        var format = repository.Config.Get<string>("gpg.format")?.Value ?? "openpgp";
        var key = repository.Config.Get<string>("user.signingkey")?.Value;
        return $"signed (commit.gpgsign; gpg.format {format}, {(key is null ? "the default key of user.email" : "user.signingkey " + key)})";
    }

    /// <summary>A commit signed by git.</summary>
    /// <param name="repository">The repository the commit is written to.</param>
    /// <param name="tree">Its tree.</param>
    /// <param name="parents">Its parents, in order.</param>
    /// <param name="message">Its message, already cleaned up.</param>
    /// <param name="author">The author (name, email, date).</param>
    /// <param name="committer">The committer (name, email, date).</param>
    /// <param name="what">What is being signed, for the error ("the incident-record entry").</param>
    /// <param name="state">What a failure leaves, for the error.</param>
    public static ObjectId Create(Repository repository, ObjectId tree, IReadOnlyList<Commit> parents, string message, Signature author, Signature committer, string what, string state)
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

        start.Environment["GIT_AUTHOR_NAME"] = author.Name;
        start.Environment["GIT_AUTHOR_EMAIL"] = author.Email;
        start.Environment["GIT_AUTHOR_DATE"] = author.When.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        start.Environment["GIT_COMMITTER_NAME"] = committer.Name;
        start.Environment["GIT_COMMITTER_EMAIL"] = committer.Email;
        start.Environment["GIT_COMMITTER_DATE"] = committer.When.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception e)
        {
            throw new HotfixOperationException($"cannot sign {what} (commit.gpgsign is true): the git program could not start ({e.Message})", state, e);
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
                throw new HotfixOperationException($"cannot sign {what} (commit.gpgsign is true): git commit-tree -S did not finish within {Limit.TotalSeconds:0} s (a passphrase prompt?)", state);
            }

            if (process.ExitCode != 0 || !ObjectId.TryParse(output.Result.Trim(), out var id))
            {
                throw new HotfixOperationException($"cannot sign {what} (commit.gpgsign is true): git commit-tree -S failed ({error.Result.Trim()})", state);
            }

            return id;
        }
    }
}
