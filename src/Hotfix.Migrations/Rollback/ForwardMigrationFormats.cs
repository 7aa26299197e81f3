using System.Text;
using Hotfix.Migrations.Detection;
using Hotfix.Policy.Decisions;

namespace Hotfix.Migrations.Rollback;

/// <summary>
/// Each framework's rollback command and the shape of a new migration in it: the forward migration carries the undo
/// steps as SQL inside the framework's own migration format (a drizzle-kit SQL file with statement breakpoints, a Rails
/// migration with <c>execute</c> …; EF Core's with the <c>MigrationBuilder</c> calls that undo each step). Steps without
/// SQL become statements that fail, saying what a person must write (<see cref="ByHandStatements"/>).
/// </summary>
internal static class ForwardMigrationFormats
{
    /// <summary>
    /// The framework's command that rolls back the migration at <paramref name="path"/>; <paramref name="previous"/> is
    /// the migration before it where the command names one (Django, EF Core, EF6), a placeholder when it is null.
    /// </summary>
    public static string RollbackCommand(MigrationFramework framework, string path, string? previous = null) => framework switch
    {
        MigrationFramework.DrizzleKit => "npx drizzle-kit drop",
        MigrationFramework.Prisma => "none: Prisma Migrate has no down (`prisma migrate resolve --rolled-back` only marks a failed migration)",
        MigrationFramework.Rails => $"bin/rails db:migrate:down VERSION={Leading(RepoPath.FileName(path), char.IsAsciiDigit)}",
        MigrationFramework.Django => $"python manage.py migrate {DjangoApp(path)} {previous ?? "<the migration before this one>"}",
        MigrationFramework.Alembic => "alembic downgrade -1",
        MigrationFramework.Knex => "npx knex migrate:down",
        MigrationFramework.TypeOrm => "npx typeorm migration:revert",
        MigrationFramework.EfCore => $"dotnet ef database update {previous ?? "<the migration before this one>"}",
        MigrationFramework.Flyway => "flyway undo",
        MigrationFramework.Liquibase => "liquibase rollback-count 1",
        MigrationFramework.GolangMigrate => "migrate down 1",
        MigrationFramework.Dbmate => "dbmate rollback",
        MigrationFramework.Diesel => "diesel migration revert",
        MigrationFramework.Doctrine => "php bin/console doctrine:migrations:migrate prev",
        MigrationFramework.Ecto => $"mix ecto.rollback --to {Leading(RepoPath.FileName(path), char.IsAsciiDigit)} (rolls back to and including this migration)",
        MigrationFramework.DbUp => "none: DbUp runs scripts forward only (its journal records which ran; nothing undoes one)",
        MigrationFramework.Sqlx => "sqlx migrate revert (reversible migrations only)",
        MigrationFramework.MikroOrm => "npx mikro-orm migration:down",
        MigrationFramework.Laravel => $"php artisan migrate:rollback --path={path}",
        MigrationFramework.Sequelize => $"npx sequelize-cli db:migrate:undo --name {RepoPath.FileName(path)}",
        MigrationFramework.Ef6 => $"Update-Database -TargetMigration {previous ?? "<the migration before this one>"}",
        MigrationFramework.FluentMigrator => "dotnet fm rollback -p <processor> -c <connection> -a <migrations assembly> by 1",
        MigrationFramework.Goose => $"goose -dir {RepoPath.Directory(path)} <driver> <dsn> down",
        MigrationFramework.Atlas => $"atlas migrate down --dir file://{RepoPath.Directory(path)} --dev-url <dev database> (Atlas plans the down and refuses one that loses data)",
        MigrationFramework.Supabase => "none: Supabase migrations have no down (`supabase migration repair --status reverted` only edits the history table)",
        MigrationFramework.NumberedSql => "the project's own runner: its down step where it has one (the .down.sql or .rollback.sql, or the file's down section), else none",
        _ => "sqitch revert --to @HEAD^",
    };

    /// <summary>
    /// The forward migration of <paramref name="migration"/>; <paramref name="next"/> is its number where the
    /// framework numbers migrations (<see cref="NextMigrationNumbers"/>), whose note joins the way to create it.
    /// </summary>
    public static ForwardMigration Forward(DetectedMigration migration, IReadOnlyList<MigrationPlanStep> steps, MigrationName? next)
    {
        var forward = Forward(migration, steps, next?.Value, next?.After);
        return next is null ? forward : forward with { HowToCreate = $"{forward.HowToCreate}. {next.Note}" };
    }

    private static ForwardMigration Forward(DetectedMigration migration, IReadOnlyList<MigrationPlanStep> steps, string? number, string? after)
    {
        var directory = RepoPath.Directory(migration.Path);
        var file = RepoPath.FileName(migration.Path);
        // A migration kept as the script of a folder of its own (drizzle-kit v1, Prisma, Diesel) is named by the folder.
        var inFolder = migration.Framework switch
        {
            MigrationFramework.DrizzleKit or MigrationFramework.Prisma => file == "migration.sql",
            MigrationFramework.Diesel => file is "up.sql" or "down.sql",
            _ => false,
        };
        var stem = Stem(inFolder ? RepoPath.FileName(directory) : file);
        var description = migration.Framework switch
        {
            // Flyway's version is a prefix up to "__" that may hold dots (V12__, V1.2__, R__): the description after it is the name.
            MigrationFramework.Flyway when file.IndexOf("__", StringComparison.Ordinal) is >= 0 and var end => Stem(file[(end + 2)..]),
            // Alembic's revision id is hex and may start with a letter: the slug is what follows its "_".
            MigrationFramework.Alembic when stem.IndexOf('_', StringComparison.Ordinal) is >= 0 and var slug => stem[(slug + 1)..],
            _ => stem,
        };
        // The version and its separator go (20261110090000_, 1710238500000-, 2026-11-10-090000_): the rest is the name.
        var name = "undo_" + Leading(description, c => !char.IsAsciiDigit(c) && c is not ('_' or '-'), fromEnd: true);
        var sql = steps.Select(s => s.Sql ?? ByHandStatements.Sql(s.What, migration.Database)).ToList();
        var byHand = steps.Any(s => s.Sql is null);
        var header = $"-- Undoes {migration.DisplayName} (hotfix migration) going forward. Data each step loses:\n"
            + string.Concat(steps.Select(s => $"--   {s.What}: {s.DataLoss ?? "none"}\n"))
            + ByHandStatements.Note(byHand);

        // Each step in the framework's language: its SQL run the framework's way, or a by-hand step that fails.
        string Code(Func<string, string> run, Func<string, string> fail) =>
            string.Concat(steps.Select(s => s.Sql is { } q ? run(q) : fail(ByHandStatements.Message(s.What))));

        // A plain SQL file: the undo statements under the header, where the framework runs SQL files as they are.
        ForwardMigration PlainSql(string path, string howToCreate) => new(path, howToCreate, header + string.Join("\n", sql) + "\n", steps);

        return migration.Framework switch
        {
            MigrationFramework.DrizzleKit => new(
                RepoPath.Combine(file == "migration.sql" ? RepoPath.Directory(directory) : directory, $"{number ?? "<next number>"}_{name}.sql"),
                $"npx drizzle-kit generate --custom --name={name} (drizzle-kit writes the file and its meta/_journal.json entry), then put this SQL in it",
                header + string.Join("\n--> statement-breakpoint\n", sql) + "\n",
                steps),
            MigrationFramework.Rails => new(
                RepoPath.Combine(directory, $"{number ?? "<timestamp>"}_{name}.rb"),
                $"bin/rails generate migration {Camel(name)}",
                Comment("#", header) + $"class {Camel(name)} < ActiveRecord::Migration[7.1]\n  def up\n" + Code(s => $"    execute <<~SQL\n      {s}\n    SQL\n", m => $"    raise ActiveRecord::IrreversibleMigration, {Interpolated(m)}\n") + "  end\nend\n",
                steps),
            MigrationFramework.EfCore => new(
                RepoPath.Combine(directory, $"<timestamp>_{Camel(name)}.cs"),
                $"dotnet ef migrations add {Camel(name)}",
                Comment("//", header) + $"public partial class {Camel(name)} : Migration\n{{\n    protected override void Up(MigrationBuilder migrationBuilder)\n    {{\n"
                    + EfCore(migration, steps) + "    }\n}\n",
                steps),
            MigrationFramework.Ef6 => new(
                RepoPath.Combine(directory, $"<timestamp>_{Camel(name)}.cs"),
                $"Add-Migration {Camel(name)}",
                Comment("//", header) + $"public partial class {Camel(name)} : DbMigration\n{{\n    public override void Up()\n    {{\n"
                    + Code(s => $"        Sql({Verbatim(s)});\n", Throw) + "    }\n\n    public override void Down()\n    {\n    }\n}\n",
                steps),
            MigrationFramework.FluentMigrator => new(
                RepoPath.Combine(directory, $"{Camel(name)}.cs"),
                "a new class with the next version number in [Migration(…)]",
                Comment("//", header) + $"[Migration({number ?? "<next version>"})]\npublic class {Camel(name)} : Migration\n{{\n    public override void Up()\n    {{\n"
                    + Code(s => $"        Execute.Sql({Verbatim(s)});\n", Throw) + "    }\n\n    public override void Down()\n    {\n    }\n}\n",
                steps),
            MigrationFramework.Django => new(
                RepoPath.Combine(directory, $"{number ?? "<next number>"}_{name}.py"),
                $"python manage.py makemigrations {DjangoApp(migration.Path)} --empty --name {name}",
                Comment("#", header) + "from django.db import migrations\n\n\n" + (byHand ? DjangoByHand : string.Empty) + "class Migration(migrations.Migration):\n    dependencies = [(\"" + DjangoApp(migration.Path) + "\", \"" + Stem(file) + "\")]\n\n    operations = [\n"
                    + Code(s => $"        migrations.RunSQL({Python(s)}),\n", m => $"        migrations.RunPython(by_hand({Python(m)})),\n") + "    ]\n",
                steps),
            MigrationFramework.Alembic => new(
                RepoPath.Combine(directory, $"{number ?? "<revision>"}_{name}.py"),
                $"alembic revision -m \"{name}\"{(number is null ? string.Empty : $" --rev-id {number}")}",
                Comment("#", header) + "from alembic import op\n\n"
                    + $"revision = \"{number ?? "<revision>"}\"\ndown_revision = \"{after ?? "<the current head>"}\"\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n" + Code(s => $"    op.execute({Python(s)})\n", m => $"    raise NotImplementedError({Python(m)})\n") + "\n\ndef downgrade():\n    pass\n",
                steps),
            MigrationFramework.Diesel => PlainSql(
                RepoPath.Combine(RepoPath.Directory(directory), $"<timestamp>_{name}/up.sql"),
                $"diesel migration generate {name}"),
            MigrationFramework.Doctrine => new(
                RepoPath.Combine(directory, "Version<timestamp>.php"),
                "php bin/console doctrine:migrations:generate",
                "<?php\n\n" + Comment("//", header) + "final class Version<timestamp> extends AbstractMigration\n{\n    public function up(Schema $schema): void\n    {\n"
                    + Code(s => $"        $this->addSql({Php(s)});\n", m => $"        $this->abortIf(true, {Php(m)});\n") + "    }\n\n    public function down(Schema $schema): void\n    {\n    }\n}\n",
                steps),
            MigrationFramework.Ecto => new(
                RepoPath.Combine(directory, $"{number ?? "<timestamp>"}_{name}.exs"),
                $"mix ecto.gen.migration {name}",
                Comment("#", header) + $"defmodule <App>.Repo.Migrations.{Camel(name)} do\n  use Ecto.Migration\n\n  def up do\n"
                    + Code(s => $"    execute {Interpolated(s)}\n", m => $"    raise {Interpolated(m)}\n") + "  end\n\n  def down do\n  end\nend\n",
                steps),
            MigrationFramework.DbUp => PlainSql(
                RepoPath.Combine(directory, $"{number ?? "<next number>"}_{name}.sql"),
                "a new script in the same folder, embedded like the others (DbUp runs scripts in name order)"),
            MigrationFramework.Sqlx => PlainSql(RepoPath.Combine(directory, $"<timestamp>_{name}.sql"), $"sqlx migrate add {name}"),
            MigrationFramework.MikroOrm => new(
                RepoPath.Combine(directory, "Migration<timestamp>.ts"),
                "npx mikro-orm migration:create --blank",
                Comment("//", header) + "import { Migration } from '@mikro-orm/migrations';\n\nexport class Migration<timestamp> extends Migration {\n  async up(): Promise<void> {\n"
                    + Code(s => $"    this.addSql({Js(s)});\n", m => $"    throw new Error({Js(m)});\n") + "  }\n\n  async down(): Promise<void> {}\n}\n",
                steps),
            MigrationFramework.Laravel => new(
                RepoPath.Combine(directory, $"{number ?? "<timestamp>"}_{name}.php"),
                $"php artisan make:migration {name}",
                "<?php\n\n" + Comment("//", header) + "use Illuminate\\Database\\Migrations\\Migration;\nuse Illuminate\\Support\\Facades\\DB;\n\nreturn new class extends Migration\n{\n    public function up(): void\n    {\n"
                    + Code(s => $"        DB::statement({Php(s)});\n", m => $"        throw new \\RuntimeException({Php(m)});\n") + "    }\n\n    public function down(): void\n    {\n    }\n};\n",
                steps),
            MigrationFramework.Sequelize => new(
                RepoPath.Combine(directory, $"{number ?? "<timestamp>"}-{name.Replace('_', '-')}.js"),
                $"npx sequelize-cli migration:generate --name {name.Replace('_', '-')}",
                Comment("//", header) + "module.exports = {\n  async up(queryInterface) {\n" + Code(s => $"    await queryInterface.sequelize.query({Js(s)});\n", m => $"    throw new Error({Js(m)});\n") + "  },\n\n  async down() {},\n};\n",
                steps),
            MigrationFramework.Knex => new(
                RepoPath.Combine(directory, $"{number ?? "<timestamp>"}_{name}.{(file.EndsWith(".ts", StringComparison.Ordinal) ? "ts" : "js")}"),
                $"npx knex migrate:make {name}",
                Comment("//", header) + "exports.up = async function (knex) {\n" + Code(s => $"  await knex.raw({Js(s)});\n", m => $"  throw new Error({Js(m)});\n") + "};\n\nexports.down = async function () {};\n",
                steps),
            // TypeORM reads a migration's timestamp from the end of its class name, so the class carries it as the file does.
            MigrationFramework.TypeOrm => new(
                RepoPath.Combine(directory, $"{number ?? "<timestamp>"}-{Camel(name)}.{(file.EndsWith(".ts", StringComparison.Ordinal) ? "ts" : "js")}"),
                $"npx typeorm migration:create {directory}/{Camel(name)}",
                Comment("//", header) + $"export class {Camel(name)}{number ?? "<timestamp>"} {{\n  async up(queryRunner) {{\n" + Code(s => $"    await queryRunner.query({Js(s)});\n", m => $"    throw new Error({Js(m)});\n") + "  }\n\n  async down() {}\n}\n",
                steps),
            MigrationFramework.Liquibase => new(
                migration.Path,
                "append this changeSet to the changelog",
                "<changeSet id=\"" + name + "\" author=\"hotfix\">\n" + Comment("  <!--", header.Replace("--", "-", StringComparison.Ordinal), " -->") + "  <sql>\n" + string.Concat(sql.Select(s => $"    {System.Security.SecurityElement.Escape(s)}\n")) + "  </sql>\n</changeSet>\n",
                steps),
            MigrationFramework.Dbmate => new(
                RepoPath.Combine(directory, $"<timestamp>_{name}.sql"),
                $"dbmate new {name}",
                "-- migrate:up\n" + header + string.Join("\n", sql) + "\n\n-- migrate:down\n",
                steps),
            MigrationFramework.Goose => new(
                RepoPath.Combine(directory, $"{number ?? "<timestamp>"}_{name}.sql"),
                $"goose -dir {directory} create {name} sql",
                "-- +goose Up\n-- +goose StatementBegin\n" + header + string.Join("\n", sql) + "\n-- +goose StatementEnd\n\n-- +goose Down\n",
                steps),
            MigrationFramework.Atlas => PlainSql(
                RepoPath.Combine(directory, $"<timestamp>_{name}.sql"),
                $"atlas migrate new {name} --dir file://{directory}, then put this SQL in it and run `atlas migrate hash`"),
            MigrationFramework.Supabase => PlainSql(RepoPath.Combine(directory, $"<timestamp>_{name}.sql"), $"supabase migration new {name}"),
            MigrationFramework.NumberedSql => PlainSql(
                RepoPath.Combine(directory, $"{number ?? "<next number>"}_{name}{(file.EndsWith(".up.sql", StringComparison.Ordinal) ? ".up" : string.Empty)}.sql"),
                "a new file in the same folder, numbered after the last one (the runner applies the files in name order)"),
            MigrationFramework.GolangMigrate => PlainSql(RepoPath.Combine(directory, $"{number ?? "<next version>"}_{name}.up.sql"), $"migrate create -ext sql -dir {directory} {name}"),
            MigrationFramework.Sqitch => new(
                RepoPath.Combine(directory, $"{name}.sql"),
                $"sqitch add {name} -n \"undo {stem}\"",
                header + "BEGIN;\n" + string.Join("\n", sql) + "\nCOMMIT;\n",
                steps),
            MigrationFramework.Prisma => PlainSql(
                RepoPath.Combine(RepoPath.Directory(directory), $"<timestamp>_{name}/migration.sql"),
                $"npx prisma migrate dev --create-only --name {name} (after changing schema.prisma back), then check it against this SQL"),
            _ => PlainSql(RepoPath.Combine(directory, $"V{number ?? "<next version>"}__{name}.sql"), "a new versioned migration (V<next>__…)"),
        };
    }

    /// <summary>
    /// EF Core's undo steps as <c>MigrationBuilder</c> calls (the provider writes the SQL, quoted and in its dialect);
    /// SQL only where EF has no call, and a throw where a person must write the step.
    /// </summary>
    private static string EfCore(DetectedMigration migration, IReadOnlyList<MigrationPlanStep> steps)
    {
        var ups = migration.Up.Reverse().ToList();
        return string.Concat(steps.Select((s, i) =>
            (i < ups.Count ? EfCoreForwardCalls.Undo(ups[i], s, ForwardSteps.Restoring(ups[i], migration.Down.Operations)) : null) is { } call ? $"        {call}\n"
            : s.Sql is { } q ? $"        migrationBuilder.Sql({Verbatim(q)});\n"
            : Throw(ByHandStatements.Message(s.What))));
    }

    private static string Throw(string message) => $"        throw new System.NotImplementedException({Verbatim(message)});\n";

    /// <summary>Django runs a RunPython callable with (apps, schema_editor): one that raises stops the migration at that step.</summary>
    private const string DjangoByHand = "def by_hand(what):\n    def run(apps, schema_editor):\n        raise NotImplementedError(what)\n\n    return run\n\n\n";

    /// <summary>
    /// The Django app a migration belongs to: the package that holds its <c>migrations</c> folder
    /// (<c>shop/migrations/0002_x.py</c> → <c>shop</c>), which is the app label unless the app's config renames it.
    /// </summary>
    public static string DjangoApp(string path) =>
        RepoPath.FileName(RepoPath.Directory(RepoPath.Directory(path))) is { Length: > 0 } app ? app : "<app>";

    /// <summary>The name of a file without its extensions (<c>0002_add_discount.sql</c> → <c>0002_add_discount</c>).</summary>
    private static string Stem(string file)
    {
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? file : file[..dot];
    }

    /// <summary>The leading run of characters that match; with <paramref name="fromEnd"/>, what follows the run of those that do not.</summary>
    private static string Leading(string text, Func<char, bool> match, bool fromEnd = false)
    {
        var i = 0;
        while (i < text.Length && (fromEnd ? !match(text[i]) : match(text[i])))
        {
            i++;
        }

        return fromEnd ? text[i..] : text[..i];
    }

    private static string Camel(string name) =>
        string.Concat(name.Split(['_', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Comment(string prefix, string header, string suffix = "") =>
        string.Concat(header.TrimEnd('\n').Split('\n').Select(l => prefix + (l.StartsWith("--", StringComparison.Ordinal) ? l[2..] : l) + suffix + "\n"));

    /// <summary>A C# verbatim string literal: <c>@"…"</c> with its quotes doubled.</summary>
    private static string Verbatim(string s) => "@\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A PHP single-quoted string: only <c>\\</c> and <c>'</c> are escaped, nothing is interpolated.</summary>
    private static string Php(string s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>An Elixir or Ruby double-quoted string: quotes, backslashes and <c>#{</c> (interpolation) escaped.</summary>
    private static string Interpolated(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("#{", "\\#{", StringComparison.Ordinal) + "\"";

    private static string Python(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Js(string s) => "`" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal).Replace("${", "\\${", StringComparison.Ordinal) + "`";
}
