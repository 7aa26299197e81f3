namespace Hotfix.Migrations.Code;

/// <summary>The comment and string syntax of the languages migration DSLs are written in.</summary>
public enum SourceLanguage
{
    Ruby,
    Python,
    JavaScript,
}
