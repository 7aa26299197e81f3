namespace Hotfix.Migrations.Code;

/// <summary>
/// The languages migrations are written in. <see cref="CodeText"/> reads the DSL languages (Ruby, Python,
/// JavaScript/TypeScript, PHP); C# is read with Roslyn and SQL with the SQL tokenizer.
/// </summary>
internal enum SourceLanguage
{
    Ruby,
    Python,
    JavaScript,
    Php,
    CSharp,
    Sql,
}
