namespace Hotfix.Migrations.Code;

/// <summary>
/// The languages migrations are written in. <see cref="CodeText"/> reads the three DSL languages (Ruby, Python,
/// JavaScript/TypeScript); C# is read with Roslyn and SQL with the SQL tokenizer.
/// </summary>
internal enum SourceLanguage
{
    Ruby,
    Python,
    JavaScript,
    CSharp,
    Sql,
}
