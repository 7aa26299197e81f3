using System.Diagnostics;

namespace Hotfix.TestSupport;

/// <summary>
/// A throwaway gpg keyring for tests of signed commits: keys made in a temporary GNUPGHOME, and repositories set to
/// sign with them through a wrapper, so neither the user's keyring nor their agent is touched.
/// </summary>
public sealed class TestKeyring : IDisposable
{
    private readonly TempDirectory home = new();

    /// <summary>A new passphrase-less signing key; returns its fingerprint.</summary>
    public string NewKey()
    {
        Run("gpg", "--batch", "--passphrase", string.Empty, "--quick-gen-key", "Hotfix Test <test@example.com>", "ed25519", "sign", "never");
        var listing = Run("gpg", "--batch", "--with-colons", "--list-secret-keys");
        return listing.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
    }

    /// <summary>Makes <paramref name="repo"/> sign its commits (commit.gpgsign) with <paramref name="key"/> from this keyring.</summary>
    public void SignWith(TestRepository repo, string key)
    {
        // git runs gpg through this wrapper so the test's keyring, not the user's, signs and verifies.
        var wrapper = home.Combine("gpg.sh");
        File.WriteAllText(wrapper, $"#!/bin/sh\nGNUPGHOME='{home.Path}' exec gpg \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        repo.Git("config", "gpg.program", wrapper);
        repo.Git("config", "user.signingkey", key);
        repo.Git("config", "commit.gpgsign", "true");
    }

    public void Dispose()
    {
        // gpg starts an agent for the keyring; it must not outlive the test.
        Run("gpgconf", "--kill", "gpg-agent");
        home.Dispose();
    }

    private string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["GNUPGHOME"] = home.Path;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
