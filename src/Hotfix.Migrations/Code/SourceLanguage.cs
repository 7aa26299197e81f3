namespace Hotfix.Migrations.Code;

/// <summary>The comment and string syntax of the languages migration DSLs are written in.</summary>
internal enum SourceLanguage
{
    Ruby,
    Python,
    JavaScript,
}
