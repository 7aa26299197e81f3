namespace Hotfix.Policy.Ports;

/// <summary>
/// The adapters a host hands to the core, by port interface. Rules ask for the port they need; a host that embeds
/// only part of the core supplies only those ports, and a rule whose port is missing says so plainly.
/// </summary>
internal sealed class PortSet
{
    private readonly Dictionary<Type, object> ports = [];

    /// <summary>Registers <paramref name="adapter"/> for port <typeparamref name="TPort"/> (replacing any earlier one).</summary>
    public PortSet Add<TPort>(TPort adapter)
        where TPort : class
    {
        ports[typeof(TPort)] = adapter;
        return this;
    }

    /// <summary>Whether an adapter is registered for <paramref name="port"/>.</summary>
    public bool Has(Type port) => ports.ContainsKey(port);

    /// <summary>The adapter of <typeparamref name="TPort"/>, or null when the host registered none.</summary>
    public TPort? Find<TPort>()
        where TPort : class =>
        ports.TryGetValue(typeof(TPort), out var adapter) ? (TPort)adapter : null;

    /// <summary>The adapter of <typeparamref name="TPort"/>; throws when the host registered none.</summary>
    public TPort Require<TPort>()
        where TPort : class =>
        Find<TPort>() ?? throw new InvalidOperationException(
            $"No adapter for {typeof(TPort).Name} was supplied; the host must add one to the PortSet before running this check.");
}
