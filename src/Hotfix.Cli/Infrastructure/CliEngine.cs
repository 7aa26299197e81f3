using Hotfix.Policy.Ports;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// The command line's engine: the session's policy and repository, the core's and the migrations package's checks,
/// the process's clock — the same composition a host makes with <see cref="HotfixEngine.CreateBuilder"/>.
/// </summary>
internal static class CliEngine
{
    public static HotfixEngine For(RepositorySession session, CliEnvironment environment) =>
        HotfixEngine.CreateBuilder()
            .UsePolicy(session.Policy)
            .UseGitRepository(session.Repository)
            .AddCoreChecks()
            .AddMigrations()
            .UseTimeProvider(new ClockTimeProvider(environment.Clock))
            .UseToolName(ToolIdentity.Current.Name, ToolIdentity.Current.Version)
            .Build();

    /// <summary>The CLI's clock as a <see cref="TimeProvider"/>, keeping its offset as the local time zone.</summary>
    private sealed class ClockTimeProvider(IClock clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.Now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone =>
            TimeZoneInfo.CreateCustomTimeZone("hotfix-clock", clock.Now.Offset, "hotfix clock", "hotfix clock");
    }
}
