using System.Text.RegularExpressions;
using Hotfix.Policy.Decisions;

namespace Hotfix.Migrations.Rollback;

/// <summary>
/// The undo of an EF Core step as the <c>MigrationBuilder</c> call that undoes it. Raw SQL would be wrong on the
/// providers EF Core targets: Npgsql creates <c>"Orders"</c> quoted, so an unquoted <c>Orders</c> folds to another
/// name; SQL Server's <c>DROP INDEX</c> needs <c>ON table</c> and a column with a default cannot be dropped before its
/// default constraint. EF's own calls let the provider write the SQL it would have written for the hotfix.
/// </summary>
internal static partial class EfCoreForwardCalls
{
    /// <summary>
    /// The statement that undoes <paramref name="up"/>, whose provider-neutral undo is <paramref name="step"/>; null where
    /// EF has no call for it (the caller keeps the step's SQL or its by-hand line). <paramref name="restoring"/> is the
    /// down's step that adds back a column the up drops: its <c>AddColumn&lt;T&gt;</c> holds the CLR type EF needs.
    /// </summary>
    public static string? Undo(MigrationOperation up, MigrationPlanStep step, MigrationOperation? restoring)
    {
        if (step.Sql is null)
        {
            return null;
        }

        var table = Args(("table", up.Table), ("schema", up.Schema));
        return up.Kind switch
        {
            MigrationOperationKind.CreateTable => Call("DropTable", ("name", up.Table), ("schema", up.Schema)),
            MigrationOperationKind.AddColumn => Call("DropColumn", ("name", up.Column)) + table,
            MigrationOperationKind.CreateIndex => Call("DropIndex", ("name", up.Name)) + table,
            MigrationOperationKind.AddConstraint when DropConstraint(up.Constraint) is { } drop => Call(drop, ("name", up.Name)) + table,
            MigrationOperationKind.RenameColumn => Call("RenameColumn", ("name", up.NewName)) + table + Args(("newName", up.Column)),
            MigrationOperationKind.RenameTable => Call("RenameTable", ("name", up.NewName), ("schema", up.Schema), ("newName", up.Table)),
            MigrationOperationKind.RenameIndex => Call("RenameIndex", ("name", up.NewName), ("newName", up.Name)) + table,
            MigrationOperationKind.CreateSchema => Call("DropSchema", ("name", up.Name ?? up.Schema)),
            MigrationOperationKind.CreateObject when up.ObjectType == "sequence" => Call("DropSequence", ("name", up.Name), ("schema", up.Schema)),
            MigrationOperationKind.DropColumn when ClrType(restoring?.Text) is { } clr => Generic("AddColumn", clr, ("name", up.Column)) + table + Args(("type", up.OldType ?? restoring?.NewType)) + ", nullable: true",
            MigrationOperationKind.AlterColumn when ClrType(up.Text) is { } clr => Generic("AlterColumn", clr, ("name", up.Column)) + table
                + Args(("type", up.OldType)) + Nullable("nullable", up.OldNullable ?? up.NewNullable) + Args(("oldType", up.NewType)) + Nullable("oldNullable", up.NewNullable),
            _ => null,
        } is { } call ? "migrationBuilder." + call + ");" : null;
    }

    /// <summary>The CLR type of an <c>AddColumn&lt;T&gt;</c> or <c>AlterColumn&lt;T&gt;</c> call, which EF needs to build the column.</summary>
    public static string? ClrType(string? callText) =>
        callText is not null && GenericCall().Match(callText) is { Success: true } m ? m.Groups["type"].Value : null;

    private static string? DropConstraint(ConstraintKind kind) => kind switch
    {
        ConstraintKind.ForeignKey => "DropForeignKey",
        ConstraintKind.PrimaryKey => "DropPrimaryKey",
        ConstraintKind.Unique => "DropUniqueConstraint",
        ConstraintKind.Check => "DropCheckConstraint",
        _ => null,
    };

    private static string Call(string method, params (string Name, string? Value)[] args) => method + "(" + Args(args).TrimStart(',', ' ');

    private static string Generic(string method, string clr, params (string Name, string? Value)[] args) => Call($"{method}<{clr}>", args);

    private static string Args(params (string Name, string? Value)[] args) =>
        string.Concat(args.Where(a => a.Value is not null).Select(a => $", {a.Name}: {Literal(a.Value!)}"));

    private static string Nullable(string name, bool? value) => value is { } v ? $", {name}: {(v ? "true" : "false")}" : string.Empty;

    private static string Literal(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"\.(?:AddColumn|AlterColumn)<(?<type>[\w.?<>\[\], ]+?)>\(")]
    private static partial Regex GenericCall();
}
