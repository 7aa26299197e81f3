using Hotfix.TestSupport;

namespace Hotfix.Git.Tests;

/// <summary>
/// WholeFiles: the temporary file is created new (never truncated) and swapped in — with the same end state as the
/// rename over the path it replaces: the new content at the path, nothing left at the temporary name, a symbolic link
/// replaced itself (its target untouched).
/// </summary>
public class WholeFilesTests
{
    [Fact]
    public void Replacing_an_existing_file_leaves_the_new_content_and_no_temporary_file()
    {
        using var dir = new TempDirectory("hotfix-whole");
        var target = dir.Combine("a.txt");
        File.WriteAllText(target, "old\n");
        WholeFiles.WriteTemporary(target + ".tmp", "new\n"u8.ToArray());

        WholeFiles.Replace(target + ".tmp", target);

        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.Equal(["a.txt"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_path_that_does_not_exist_yet_gets_the_file()
    {
        using var dir = new TempDirectory("hotfix-whole");
        var target = dir.Combine("new.txt");
        WholeFiles.WriteTemporary(target + ".tmp", "new\n"u8.ToArray());

        WholeFiles.Replace(target + ".tmp", target);

        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.False(File.Exists(target + ".tmp"));
    }

    [Fact]
    public void A_symbolic_link_is_replaced_itself_and_its_target_is_untouched()
    {
        using var dir = new TempDirectory("hotfix-whole");
        var elsewhere = dir.Combine("elsewhere.txt");
        File.WriteAllText(elsewhere, "keep\n");
        var target = dir.Combine("link");
        File.CreateSymbolicLink(target, elsewhere);
        WholeFiles.WriteTemporary(target + ".tmp", "new\n"u8.ToArray());

        WholeFiles.Replace(target + ".tmp", target);

        Assert.Null(new FileInfo(target).LinkTarget);
        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.Equal("keep\n", File.ReadAllText(elsewhere));
        Assert.False(File.Exists(target + ".tmp"));
    }

    [Fact]
    public void A_leftover_temporary_file_is_replaced_and_a_missing_folder_created()
    {
        using var dir = new TempDirectory("hotfix-whole");
        var leftover = dir.Combine("a.txt.tmp");
        File.WriteAllText(leftover, "half a file from a killed run, longer than the new one");
        WholeFiles.WriteTemporary(leftover, "new\n"u8.ToArray());
        Assert.Equal("new\n", File.ReadAllText(leftover));

        var nested = dir.Combine("src", "deep", "b.txt.tmp");
        WholeFiles.WriteTemporary(nested, "b\n"u8.ToArray());
        Assert.Equal("b\n", File.ReadAllText(nested));
    }
}
