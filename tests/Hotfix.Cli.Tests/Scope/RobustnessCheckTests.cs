using System.Text;
using System.Text.Json;
using Hotfix.TestSupport;
using static Hotfix.Cli.Tests.Scope.CheckJson;

namespace Hotfix.Cli.Tests.Scope;

/// <summary>Files that break naive diff code — binary, 10 MB, Latin-1, symlinks, submodules, modes — never crash the check.</summary>
public class RobustnessCheckTests
{
    [Fact]
    public void Binary_huge_non_utf8_symlink_submodule_and_mode_changes_are_reported_not_crashed_on()
    {
        using var library = TestRepository.Create();
        var firstPointer = library.Head;
        var secondPointer = library.Commit("Library update", ("lib.txt", "v2\n"));

        var huge = new StringBuilder();
        for (var i = 0; huge.Length < 10 * 1024 * 1024; i++)
        {
            huge.Append("row ").Append(i).Append(", 0123456789abcdef0123456789abcdef0123456789abcdef\n");
        }

        using var repo = TestRepository.Create();
        repo.Commit("Base", ("run.sh", "echo run\n"), ("data/big.csv", huge.ToString()), ("docs/legacy.txt", "caf\u00e9\n"));
        File.WriteAllBytes(Path.Combine(repo.Path, "docs", "legacy.txt"), Encoding.Latin1.GetBytes("caf\u00e9 cr\u00e8me\n"));
        GitCli.Run(repo.Path, "-c", "protocol.file.allow=always", "submodule", "--quiet", "add", library.Path, "vendor/lib");
        GitCli.Run(Path.Combine(repo.Path, "vendor", "lib"), "checkout", "--quiet", firstPointer);
        repo.Git("add", "-A");
        repo.Commit("Assets");

        repo.Switch(Branch, create: true);
        File.WriteAllBytes(Path.Combine(repo.Path, "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 1, 2, 3]);
        File.WriteAllBytes(Path.Combine(repo.Path, "docs", "legacy.txt"), Encoding.Latin1.GetBytes("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\n"));
        File.WriteAllText(Path.Combine(repo.Path, "data", "big.csv"), huge.ToString().Replace("row 1000,", "row 1000 fixed,").Replace("row 90000,", "row 90000 fixed,"));
        File.CreateSymbolicLink(Path.Combine(repo.Path, "current.csv"), "data/big.csv");
        GitCli.Run(Path.Combine(repo.Path, "vendor", "lib"), "checkout", "--quiet", secondPointer);
        repo.Git("add", "-A");
        repo.Git("update-index", "--chmod=+x", "run.sh");
        repo.Commit("Everything awkward at once");

        var (exit, root) = Run(repo, "--severity", "SEV2");
        Assert.True(exit is 0 or 1);
        var files = root.GetProperty("scope").GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!);
        Assert.Equal(["current.csv", "data/big.csv", "docs/legacy.txt", "logo.png", "run.sh", "vendor/lib"], files.Keys.Order(StringComparer.Ordinal));
        Assert.True(files["logo.png"].GetProperty("binary").GetBoolean());
        Assert.Equal("symlink", files["current.csv"].GetProperty("entry").GetString());
        Assert.Equal("submodule", files["vendor/lib"].GetProperty("entry").GetString());
        Assert.True(files["run.sh"].GetProperty("modeChange").GetBoolean());
        Assert.Equal("executable", files["run.sh"].GetProperty("entry").GetString());

        // Line counts agree with git, including the 10 MB file and the Latin-1 text.
        foreach (var line in repo.Git("diff", "--numstat", "main...HEAD").Split('\n'))
        {
            var parts = line.Split('\t');
            if (parts[0] != "-")
            {
                Assert.Equal((int.Parse(parts[0]), int.Parse(parts[1])), (files[parts[2]].GetProperty("addedLines").GetInt32(), files[parts[2]].GetProperty("deletedLines").GetInt32()));
            }
        }

        Assert.Empty(Findings(root, "HF1102"));
        Assert.Empty(Findings(root, "HF1105"));

        var text = CliRun.Run(repo.Path, "check", "--severity", "SEV2");
        Assert.Contains("submodule pointer", text.Out);
        Assert.Contains("mode file → executable", text.Out);
    }
}
