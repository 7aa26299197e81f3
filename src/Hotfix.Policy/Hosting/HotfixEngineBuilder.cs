using Hotfix.Policy.Checks;
using Hotfix.Policy.Policies;
using Hotfix.Policy.Ports;
using Hotfix.Policy.Records;
using Hotfix.Policy.Reporting;

namespace Hotfix;

/// <summary>
/// Assembles a <see cref="HotfixEngine"/>: the policy, the adapters (ports) and the check modules. Adapter packages add
/// their own registrations as extension methods (<c>UseGitRepository</c> in Hotfix.Git, <c>AddMigrations</c> in
/// Hotfix.Migrations, <c>UseJsonLinesRecords</c> in Hotfix.Records). <see cref="Build"/> refuses a module whose
/// declared ports are missing, so nothing silently reports less than it should.
/// </summary>
public sealed class HotfixEngineBuilder
{
    private readonly List<ICheckModule> modules = [];
    private readonly List<IDisposable> owned = [];
    private readonly PortSet ports = new();
    private PolicyLoadResult? policy;
    private Func<PolicyLoadResult>? defaultPolicy;
    private string? policyFile = PolicyParser.DefaultFileName;
    private TimeProvider time = TimeProvider.System;
    private bool built;
    private ToolInfo tool = new("hotfix-host", typeof(HotfixEngineBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    internal HotfixEngineBuilder()
    {
    }

    /// <summary>Judges by <paramref name="value"/> (e.g. <see cref="HotfixPolicy.Runbook"/>, the runbook's defaults).</summary>
    public HotfixEngineBuilder UsePolicy(HotfixPolicy value)
    {
        ArgumentNullException.ThrowIfNull(value);
        policy = PolicyLoadResult.Valid("host", value);
        policyFile = PolicyParser.DefaultFileName;
        return this;
    }

    /// <summary>
    /// Judges by <paramref name="value"/>, read from <paramref name="fileInRepository"/> (relative to the repository
    /// root; null when the file is outside it) — the command line's <c>--policy FILE</c>.
    /// </summary>
    internal HotfixEngineBuilder UsePolicy(HotfixPolicy value, string? fileInRepository)
    {
        UsePolicy(value);
        policyFile = fileInRepository;
        return this;
    }

    /// <summary>
    /// Judges by the policy in <paramref name="json"/> (the <c>hotfix.json</c> format, comments allowed), read over the
    /// runbook's defaults as the command line reads it; <paramref name="source"/> names it in messages. A policy with
    /// problems makes <see cref="Build"/> throw <see cref="HotfixInputException"/> listing each one.
    /// </summary>
    public HotfixEngineBuilder UsePolicyJson(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        policy = PolicyParser.Parse(json, source);
        return this;
    }

    /// <summary>
    /// The policy to use when the host names none, e.g. the repository's own <c>hotfix.json</c>; adapters register it
    /// (the git adapter reads the file at the repository root). Without either, the runbook's defaults apply.
    /// </summary>
    public HotfixEngineBuilder UseDefaultPolicy(Func<PolicyLoadResult> load)
    {
        defaultPolicy = load;
        return this;
    }

    /// <summary>Where time comes from (default <see cref="TimeProvider.System"/>); tests and replays pass a fixed one.</summary>
    public HotfixEngineBuilder UseTimeProvider(TimeProvider value)
    {
        time = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>The name and version reports show as the tool that produced them.</summary>
    public HotfixEngineBuilder UseToolName(string name, string version)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(version);
        tool = new ToolInfo(name, version);
        return this;
    }

    /// <summary>Registers <paramref name="adapter"/> as the implementation of port <typeparamref name="TPort"/>.</summary>
    public HotfixEngineBuilder AddPort<TPort>(TPort adapter)
        where TPort : class
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ports.Add(adapter);
        return this;
    }

    /// <summary>The adapters registered so far, for adapter packages that register several ports at once.</summary>
    internal PortSet Ports => ports;

    /// <summary>An adapter the engine opened for the host and disposes with itself (a repository handle).</summary>
    internal HotfixEngineBuilder Own(IDisposable resource)
    {
        owned.Add(resource);
        return this;
    }

    /// <summary>Where incident events are appended and read (decisions, reviews, verifications, rollbacks).</summary>
    public HotfixEngineBuilder UseIncidentRecords(IIncidentRecordStore store) => AddPort(store);

    /// <summary>
    /// How the team is told after <see cref="HotfixEngine.DeployAsync"/> and <see cref="HotfixEngine.RollbackAsync"/>
    /// ("CHECK: notify team of rollback and next steps"); the incident record notes each notification. A notifier that
    /// fails never fails the operation.
    /// </summary>
    public HotfixEngineBuilder UseTeamNotifier(ITeamNotifier notifier) => AddPort(notifier);

    /// <summary>
    /// Where stability-window checks with a query are measured (e.g. Prometheus) instead of attested; without one, a
    /// person attests every check.
    /// </summary>
    public HotfixEngineBuilder UseStabilityMetrics(IStabilityMetrics metrics) => AddPort(metrics);

    /// <summary>The core's check modules: branching (HF01xx), scope (HF11xx), the test plan and the review.</summary>
    public HotfixEngineBuilder AddCoreChecks()
    {
        foreach (var module in CheckModules.Core)
        {
            AddModule(module);
        }

        return this;
    }

    /// <summary>Adds a check module (another Hotfix package's); one module per name.</summary>
    internal HotfixEngineBuilder AddModule(ICheckModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (modules.Any(m => m.Name == module.Name))
        {
            throw new InvalidOperationException($"A check module named '{module.Name}' is registered twice; expected each module once.");
        }

        modules.Add(module);
        return this;
    }

    /// <summary>
    /// The engine. Throws <see cref="HotfixPolicyException"/> (a <see cref="HotfixInputException"/>) for a policy with
    /// problems (each listed with its JSON path, in the message and as data) and <see cref="HotfixConfigurationException"/> when a module's declared port has no adapter. A builder
    /// builds one engine: the engine owns what the builder opened, so another engine needs another builder.
    /// </summary>
    /// <exception cref="InvalidOperationException">This builder was built already (successfully or not).</exception>
    public HotfixEngine Build()
    {
        // Two engines of one builder would share its repository handle: disposing either released the other's, and the
        // next check through it crashed the process. A failed build has already released it.
        if (built)
        {
            throw new InvalidOperationException("This builder has built an engine already; the engine owns what the builder opened (the repository of UseGitRepository), so create a new builder with HotfixEngine.CreateBuilder() for another engine.");
        }

        built = true;
        var loaded = policy ?? defaultPolicy?.Invoke() ?? PolicyParser.Defaults();
        if (loaded.Policy is not { } effective)
        {
            DisposeOwned();
            throw new HotfixPolicyException(loaded);
        }

        var missing = modules
            .SelectMany(m => m.RequiredPorts.Where(p => !ports.Has(p)).Select(p => $"module '{m.Name}' needs an adapter for {p.Name}"))
            .ToList();
        if (missing.Count > 0)
        {
            DisposeOwned();
            throw new HotfixConfigurationException(missing);
        }

        return new HotfixEngine(effective, loaded.Source, modules.OrderBy(m => m.ReportOrder).ToList(), ports, time, tool, [.. owned])
        {
            PolicyFile = policyFile,
        };
    }

    private void DisposeOwned()
    {
        foreach (var resource in owned)
        {
            resource.Dispose();
        }
    }
}
