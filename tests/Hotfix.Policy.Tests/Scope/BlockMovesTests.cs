using Hotfix.Policy.Changes.Formatting;
using static Hotfix.Policy.Tests.Scope.InMemoryChanges;

namespace Hotfix.Policy.Tests.Scope;

public class BlockMovesTests
{
    private static string MethodNamed(string name, int statements) =>
        string.Join('\n', new[] { $"    public void {name}()", "    {" }
            .Concat(Enumerable.Range(1, statements).Select(i => $"        Console.WriteLine(\"{name} {i}\");"))
            .Append("    }")) + "\n";

    [Fact]
    public void Swapped_methods_are_a_move_within_the_file()
    {
        var a = MethodNamed("Alpha", 6);
        var b = MethodNamed("Beta", 6);
        var move = Assert.Single(BlockMoves.Find([Modified("src/C.cs", "class C\n{\n" + a + b + "}\n", "class C\n{\n" + b + a + "}\n")]));
        Assert.False(move.IsPureRename);
        Assert.Empty(move.Counterparts);
        Assert.InRange(move.MovedLines, 7, 9);
    }

    [Fact]
    public void A_small_statement_move_is_a_fix_not_a_refactor()
    {
        var before = Lines("var total = order.Total;", "if (order is null)", "{", "    return 0;", "}", "return total;");
        var after = Lines("if (order is null)", "{", "    return 0;", "}", "var total = order.Total;", "return total;");
        Assert.Empty(BlockMoves.Find([Modified("src/C.cs", before, after)]));
    }

    [Fact]
    public void Code_moved_to_another_file_is_a_move_on_both_sides()
    {
        var helper = MethodNamed("Helper", 6);
        var moves = BlockMoves.Find(
        [
            Modified("src/A.cs", "class A\n{\n" + helper + "}\n", "class A\n{\n}\n"),
            Modified("src/B.cs", "class B\n{\n}\n", "class B\n{\n" + helper + "}\n"),
        ]);
        Assert.Equal(["src/A.cs", "src/B.cs"], moves.Select(m => m.Path));
        Assert.Equal(["src/B.cs"], moves[0].Counterparts);
    }

    [Fact]
    public void A_pure_rename_is_found_and_a_rename_with_a_one_line_edit_is_not()
    {
        var text = MethodNamed("Alpha", 3);
        Assert.True(Assert.Single(BlockMoves.Find([Renamed("old/A.cs", "new/A.cs", text, text)])).IsPureRename);
        Assert.Empty(BlockMoves.Find([Renamed("old/A.cs", "new/A.cs", text, text.Replace("Alpha 2", "Alpha two"))]));
    }

    [Fact]
    public void A_real_edit_next_to_a_move_is_not_a_move()
    {
        var a = MethodNamed("Alpha", 6);
        var b = MethodNamed("Beta", 6);
        Assert.Empty(BlockMoves.Find([Modified("src/C.cs", a + b, b + a.Replace("Alpha 3", "Alpha three"))]));
    }
}
