namespace System.Runtime.CompilerServices;

/// <summary>
/// What the compiler needs for <c>init</c> accessors and records on netstandard2.0: the shared SQL reader
/// (src/Hotfix.Migrations/Shared/Sql) declares its statements as records.
/// </summary>
internal static class IsExternalInit
{
}
