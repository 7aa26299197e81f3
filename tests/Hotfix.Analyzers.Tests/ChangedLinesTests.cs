using Hotfix.Analyzers.Escalation;

namespace Hotfix.Analyzers.Tests;

/// <summary>The manifest parser: git's real diff output (cross-checked by samples/AnalyzerProof in CI) and its corners.</summary>
public class ChangedLinesTests
{
    private static ChangedLines Parse(string text) => ChangedLines.Parse(text.Split('\n'));

    [Fact]
    public void Hunks_mark_the_new_side_lines()
    {
        var lines = Parse("""
            diff --git a/src/Orders.cs b/src/Orders.cs
            index 1111111..2222222 100644
            --- a/src/Orders.cs
            +++ b/src/Orders.cs
            @@ -10,2 +10,3 @@ public class Orders
            -old
            -old
            +new
            +new
            +new
            @@ -40 +41 @@
            -a
            +b
            """);
        Assert.False(lines.Intersects("src/Orders.cs", 1, 9));
        Assert.True(lines.Intersects("src/Orders.cs", 10, 10));
        Assert.True(lines.Intersects("src/Orders.cs", 12, 12));
        Assert.False(lines.Intersects("src/Orders.cs", 13, 40));
        Assert.True(lines.Intersects("src/Orders.cs", 30, 41));
        Assert.False(lines.Intersects("src/Other.cs", 1, 100));
    }

    [Fact]
    public void A_pure_deletion_marks_both_sides_of_the_gap()
    {
        var lines = Parse("diff --git a/Q.cs b/Q.cs\n--- a/Q.cs\n+++ b/Q.cs\n@@ -5,2 +4,0 @@\n-    .Where(x => x.Ok)\n-    .Where(y => y.Ok)\n");
        Assert.False(lines.Intersects("Q.cs", 3, 3));
        Assert.True(lines.Intersects("Q.cs", 4, 4));
        Assert.True(lines.Intersects("Q.cs", 5, 5));
        Assert.False(lines.Intersects("Q.cs", 6, 9));
    }

    [Fact]
    public void Untracked_files_are_new_in_their_entirety()
    {
        var lines = Parse("?? src/New File.cs\n?? \"src/\\303\\251t\\303\\251.cs\"\n");
        Assert.True(lines.Intersects("src/New File.cs", 1, 1));
        Assert.True(lines.Intersects("src/New File.cs", 50000, 50000));
        Assert.True(lines.Intersects("src/été.cs", 7, 7));
    }

    [Fact]
    public void Code_that_looks_like_a_header_is_not_read_as_one()
    {
        var lines = Parse("""
            diff --git a/A.cs b/A.cs
            --- a/A.cs
            +++ b/A.cs
            @@ -1,0 +2,2 @@
            +++ b/Fake.cs
            +@@ -1 +900 @@
            """);
        Assert.True(lines.Intersects("A.cs", 2, 3));
        Assert.False(lines.Intersects("A.cs", 900, 900));
        Assert.False(lines.Intersects("Fake.cs", 1, 1000));
    }

    [Fact]
    public void Deleted_files_quoted_names_and_spaces_are_handled()
    {
        var lines = Parse("diff --git a/Gone.cs b/Gone.cs\n--- a/Gone.cs\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-a\n" +
                          "diff --git a/my file.cs b/my file.cs\n--- a/my file.cs\t\n+++ b/my file.cs\t\n@@ -2 +2 @@\n-b\n+B\n" +
                          "diff --git \"a/q\\\"uote.cs\" \"b/q\\\"uote.cs\"\n--- \"a/q\\\"uote.cs\"\n+++ \"b/q\\\"uote.cs\"\n@@ -0,0 +1 @@\n+x\n");
        Assert.False(lines.Intersects("Gone.cs", 1, 10));
        Assert.True(lines.Intersects("my file.cs", 2, 2));
        Assert.True(lines.Intersects("q\"uote.cs", 1, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("@@ -1 +1 @@")]
    [InlineData("diff --git a/A.cs b/A.cs\n+++ b/A.cs\n@@ garbage @@\n@@ -1 +x,y @@\n@@ -1 +99999999999 @@")]
    [InlineData("?? \"unterminated\\")]
    [InlineData("+++ b/A.cs\n@@ -1 +1 @@")]
    public void Malformed_manifests_are_read_without_throwing(string text)
    {
        var lines = Parse(text);
        Assert.False(lines.Intersects("A.cs", 1, 1));
    }
}
