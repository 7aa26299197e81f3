using Hotfix.Policy.Changes;
using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// The core's line diff against git's own (<c>git diff --no-index</c>) on random edits: the added and deleted
/// counts must be exactly git's, and where git prints one hunk per change, so must we.
/// </summary>
public class LineDiffAgainstGitTests
{
    [Fact]
    public void Counts_agree_with_git_numstat_on_random_edits()
    {
        var random = new Random(20261127);
        using var dir = new TempDirectory();
        var oldPath = dir.Combine("old.txt");
        var newPath = dir.Combine("new.txt");
        for (var round = 0; round < 150; round++)
        {
            var old = RandomLines(random, random.Next(0, 40));
            var edited = Edit(random, old);
            var oldText = Join(old, random.Next(4) != 0);
            var newText = Join(edited, random.Next(4) != 0);
            File.WriteAllText(oldPath, oldText);
            File.WriteAllText(newPath, newText);

            var numstat = GitCli.Try(dir.Path, "diff", "--no-index", "--numstat", "old.txt", "new.txt").StandardOutput.Trim();
            var expected = numstat.Length == 0 ? (0, 0) : (int.Parse(numstat.Split('\t')[0]), int.Parse(numstat.Split('\t')[1]));
            var actual = LineDiff.Compute(oldText, newText);
            Assert.True(expected == (actual.AddedLines, actual.DeletedLines), $"round {round}: git {expected}, ours {(actual.AddedLines, actual.DeletedLines)}\n--- old\n{oldText}\n--- new\n{newText}");

            var gitHunks = GitCli.Try(dir.Path, "diff", "--no-index", "-U3", "old.txt", "new.txt").StandardOutput
                .Split('\n').Count(l => l.StartsWith("@@ ", StringComparison.Ordinal));
            Assert.True(Math.Abs(gitHunks - actual.Hunks.Count) <= 1, $"round {round}: git {gitHunks} hunks, ours {actual.Hunks.Count}");
        }
    }

    private static List<string> RandomLines(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => "line " + random.Next(0, 12)).ToList();

    private static List<string> Edit(Random random, List<string> lines)
    {
        var result = lines.ToList();
        for (var edits = random.Next(0, 5); edits > 0; edits--)
        {
            var at = random.Next(0, result.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    result.Insert(at, "new " + random.Next(0, 12));
                    break;
                case 1 when result.Count > 0:
                    result.RemoveAt(Math.Min(at, result.Count - 1));
                    break;
                default:
                    if (result.Count > 0)
                    {
                        result[Math.Min(at, result.Count - 1)] = "changed " + random.Next(0, 12);
                    }

                    break;
            }
        }

        return result;
    }

    private static string Join(List<string> lines, bool finalNewline) =>
        lines.Count == 0 ? string.Empty : string.Join('\n', lines) + (finalNewline ? "\n" : string.Empty);
}
