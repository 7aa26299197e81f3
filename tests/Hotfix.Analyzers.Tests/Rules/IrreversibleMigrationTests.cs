using Hotfix.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Hotfix.Analyzers.Tests.Infrastructure.AnalyzerTest<Hotfix.Analyzers.Rules.IrreversibleMigrationAnalyzer>;

namespace Hotfix.Analyzers.Tests.Rules;

public class IrreversibleMigrationTests
{
    private const string Usings = "using System;\nusing Microsoft.EntityFrameworkCore.Infrastructure;\nusing Microsoft.EntityFrameworkCore.Migrations;\n\n";

    private const string AddNote = """        migrationBuilder.AddColumn<string>(name: "Note", table: "Orders", nullable: true);""";

    private static DiagnosticResult At(int location, string what) =>
        new DiagnosticResult("HF2003", DiagnosticSeverity.Info).WithLocation(location).WithArguments("AddNote", what, "");

    [Fact]
    public Task A_migration_without_Down_is_reported_on_its_name() => Verify.VerifyAsync(Usings + $$"""
        public partial class {|#0:AddNote|} : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{AddNote}}
            }
        }
        """, At(0, "has no Down (EF Core throws NotSupportedException when it is reverted)"));

    [Fact]
    public Task A_Down_that_throws_is_reported_on_the_throw() => Verify.VerifyAsync(Usings + $$"""
        public class AddNote : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{AddNote}}
            }

            protected override void Down(MigrationBuilder migrationBuilder) => {|#0:throw new NotSupportedException("one way")|};
        }
        """, At(0, "has a Down that throws"));

    [Fact]
    public Task A_Down_that_calls_EF_Cores_base_Down_is_reported_on_the_call() => Verify.VerifyAsync(Usings + $$"""
        public class AddNote : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{AddNote}}
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                {|#0:base.Down(migrationBuilder)|};
            }
        }
        """, At(0, "has a Down that calls base.Down, which EF Core implements as throw new NotSupportedException()"));

    [Fact]
    public Task A_base_Down_of_the_projects_own_migration_base_class_is_not_a_throw() => Verify.VerifyAsync(Usings + $$"""
        public abstract class AuditedMigration : Migration
        {
            protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DELETE FROM MigrationAudit WHERE Id = 1");
        }

        public class AddNote : AuditedMigration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{AddNote}}
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(name: "Note", table: "Orders");
                base.Down(migrationBuilder);
            }
        }
        """);

    [Fact]
    public Task An_empty_Down_is_reported_when_Up_changes_the_database() => Verify.VerifyAsync(Usings + $$"""
        public class AddNote : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{AddNote}}
            }

            protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
            {
                // nothing to undo
            }
        }
        """, At(0, "has a Down that does nothing although Up changes the database"));

    [Fact]
    public Task A_Down_in_another_partial_part_and_a_Designer_part_are_not_confused_with_a_missing_one() => Verify.VerifyAsync(Usings + $$"""
        [DbContext(typeof(Microsoft.EntityFrameworkCore.DbContext))]
        [Migration("20261127000000_AddNote")]
        public partial class AddNote
        {
            protected override void BuildTargetModel(Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder) { }
        }

        public partial class AddNote : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{AddNote}}
            }
        }

        public partial class AddNote
        {
            protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "Note", table: "Orders");
        }
        """);

    [Fact]
    public Task A_Down_that_calls_a_helper_and_an_empty_migration_are_not_reported() => Verify.VerifyAsync(Usings + $$"""
        public class AddNote : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{AddNote}}
            }

            protected override void Down(MigrationBuilder migrationBuilder) => Undo(migrationBuilder);

            private static void Undo(MigrationBuilder builder) => builder.DropColumn(name: "Note", table: "Orders");
        }

        public class Empty : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
            }
        }
        """);

    [Fact]
    public Task A_hotfix_that_adds_a_migration_without_Down_gets_an_error() => Verify.VerifyHotfixAsync(Usings + $$"""
        public class {|#0:AddNote|} : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{AddNote}}
            }
        }
        """,
        Verify.ChangedLinesOf(5, 6, 7, 8, 9, 10, 11),
        new DiagnosticResult("HF2003", DiagnosticSeverity.Error).WithLocation(0));
}
