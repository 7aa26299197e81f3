namespace Hotfix.Migrations.Sql;

/// <summary>One statement of a SQL script: its text (comments kept) and the 1-based line it starts on.</summary>
internal sealed record SqlStatement(string Text, int Line);
