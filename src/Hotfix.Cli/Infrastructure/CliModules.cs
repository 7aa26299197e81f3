using Hotfix.Migrations.Checks;
using Hotfix.Policy.Checks;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The check modules the command line runs — the core's and the migrations package's — for <c>check</c> (through
/// <see cref="CliEngine"/>) and for the check inside <c>finish</c>, from this one list.
/// </summary>
internal static class CliModules
{
    public static IReadOnlyList<ICheckModule> All { get; } = [.. CheckModules.Core, new MigrationsModule()];
}
