using System.Text.RegularExpressions;
using Hotfix.Migrations.Rollback;
using Hotfix.Migrations.Tests.Repositories;
using Hotfix.Policy.Decisions;

namespace Hotfix.Migrations.Tests.Rollback;

/// <summary>
/// Alembic's forward migration from a real versions folder: a fresh revision id, and the folder's head as its
/// down_revision — both placeholders, with the reason, where the folder has more than one head.
/// </summary>
public class AlembicRevisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 21, 53, 41, TimeSpan.Zero);

    private static string Revision(string id, string down) =>
        AlembicFixtures.Revision.Replace("3f2a1c9d8e7b", id, StringComparison.Ordinal).Replace("'1a2b3c4d5e6f'", down, StringComparison.Ordinal);

    private static IReadOnlyList<MigrationRollbackEntry> Plan((string, string?)[] main, params (string, string?)[] hotfix)
    {
        using var repo = MigrationRepository.Create([("alembic.ini", "[alembic]\nscript_location = alembic\n"), .. main]);
        repo.Commit("hotfix", hotfix);
        return MigrationRepository.WithMigrations(repo, ms =>
        {
            var newestFirst = ms.OrderByDescending(m => m.Path, StringComparer.Ordinal).ToList();
            var names = NextMigrationNumbers.Assign(newestFirst, Now);
            return newestFirst.Select((m, i) => MigrationRollbackPlanner.Entry(m, names[i])).ToList();
        });
    }

    [Fact]
    public void The_new_revision_gets_a_fresh_id_and_follows_the_head_of_the_versions_folder()
    {
        var entry = Assert.Single(Plan(
            [("alembic/versions/1a2b3c4d5e6f_init.py", Revision("1a2b3c4d5e6f", "None"))],
            ("alembic/versions/3f2a1c9d8e7b_add_order_note.py", Revision("3f2a1c9d8e7b", "'1a2b3c4d5e6f'"))));

        var id = Regex.Match(entry.Forward.SuggestedPath, "^alembic/versions/(?<id>[0-9a-f]{12})_undo_add_order_note\\.py$");
        Assert.True(id.Success, entry.Forward.SuggestedPath);
        var revision = id.Groups["id"].Value;
        Assert.NotEqual("1a2b3c4d5e6f", revision);
        Assert.NotEqual("3f2a1c9d8e7b", revision);
        Assert.Contains($"revision = \"{revision}\"\ndown_revision = \"3f2a1c9d8e7b\"\n", entry.Forward.Content);
        Assert.StartsWith($"alembic revision -m \"undo_add_order_note\" --rev-id {revision}. Revision {revision}: a fresh id, as Alembic's are random; down_revision 3f2a1c9d8e7b: the head of alembic/versions/ at ", entry.Forward.HowToCreate);
        Assert.EndsWith(", 3f2a1c9d8e7b (alembic/versions/3f2a1c9d8e7b_add_order_note.py), the revision no other one revises.", entry.Forward.HowToCreate);
    }

    [Fact]
    public void Two_migrations_of_the_hotfix_chain_their_undos_the_newers_first()
    {
        var entries = Plan(
            [("alembic/versions/1a2b3c4d5e6f_init.py", Revision("1a2b3c4d5e6f", "None"))],
            ("alembic/versions/3f2a1c9d8e7b_add_order_note.py", Revision("3f2a1c9d8e7b", "'1a2b3c4d5e6f'")),
            ("alembic/versions/9c8b7a6f5e4d_add_order_note.py", Revision("9c8b7a6f5e4d", "'3f2a1c9d8e7b'")));

        var first = Regex.Match(entries[0].Forward.Content, "revision = \"(?<id>[0-9a-f]{12})\"\ndown_revision = \"9c8b7a6f5e4d\"");
        Assert.True(first.Success, entries[0].Forward.Content);
        Assert.Contains($"down_revision = \"{first.Groups["id"].Value}\"", entries[1].Forward.Content);
        Assert.Contains("the undo planned before it", entries[1].Forward.HowToCreate);
    }

    [Fact]
    public void A_folder_with_two_heads_keeps_both_placeholders_and_names_the_heads()
    {
        // A branch point: 3f2a… and 5b6c… both revise 1a2b…, and nothing merges them.
        var entry = Assert.Single(Plan(
            [("alembic/versions/1a2b3c4d5e6f_init.py", Revision("1a2b3c4d5e6f", "None")),
             ("alembic/versions/5b6c7d8e9f0a_order_total.py", Revision("5b6c7d8e9f0a", "'1a2b3c4d5e6f'"))],
            ("alembic/versions/3f2a1c9d8e7b_add_order_note.py", Revision("3f2a1c9d8e7b", "'1a2b3c4d5e6f'"))));

        Assert.Equal("alembic/versions/<revision>_undo_add_order_note.py", entry.Forward.SuggestedPath);
        Assert.Contains("revision = \"<revision>\"\ndown_revision = \"<the current head>\"\n", entry.Forward.Content);
        Assert.Contains("The revision and its down_revision stay placeholders: alembic/versions/ at ", entry.Forward.HowToCreate);
        Assert.EndsWith(" has 2 heads (3f2a1c9d8e7b in alembic/versions/3f2a1c9d8e7b_add_order_note.py, 5b6c7d8e9f0a in alembic/versions/5b6c7d8e9f0a_order_total.py): merge them (`alembic merge heads`) or say which the undo follows.", entry.Forward.HowToCreate);
    }

    [Fact]
    public void A_merge_revision_joins_the_heads_it_names()
    {
        var entry = Assert.Single(Plan(
            [("alembic/versions/1a2b3c4d5e6f_init.py", Revision("1a2b3c4d5e6f", "None")),
             ("alembic/versions/5b6c7d8e9f0a_order_total.py", Revision("5b6c7d8e9f0a", "'1a2b3c4d5e6f'")),
             ("alembic/versions/3f2a1c9d8e7b_add_order_note.py", Revision("3f2a1c9d8e7b", "'1a2b3c4d5e6f'"))],
            ("alembic/versions/7d7d7d7d7d7d_merge.py", Revision("7d7d7d7d7d7d", "('3f2a1c9d8e7b',\n    '5b6c7d8e9f0a')"))));

        Assert.Contains("down_revision = \"7d7d7d7d7d7d\"\n", entry.Forward.Content);
    }
}
