using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace Hotfix.Cli.Infrastructure;

/// <summary>
/// System.CommandLine's resource strings, loaded only when something other than the two option descriptions that
/// <c>RootCommand</c>'s constructor reads is asked for (help text, parse errors). Creating its ResourceManager costs the
/// native binary its whole reflection start-up (assembly binder, custom attributes for the neutral language, the
/// resource stream): about 1 M instructions and dozens of page faults of every command that prints neither help nor an
/// error (benchmarks/README.md, start-up).
/// The two strings answered here are the library's neutral (English) resources, which is what an invariant-culture
/// process reads; <c>DeferredCommandLineResourcesTests</c> compares them with the library's own.
/// </summary>
internal sealed class DeferredCommandLineResources : ResourceManager
{
    /// <summary>What RootCommand's --help and --version options read while the command tree is built.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Neutral = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HelpOptionDescription"] = "Show help and usage information",
        ["VersionOptionDescription"] = "Show version information",
    };

    private readonly Lazy<ResourceManager> library = new(static () =>
        new ResourceManager("System.CommandLine.Properties.Resources", typeof(System.CommandLine.RootCommand).Assembly));

    internal DeferredCommandLineResources()
    {
    }

    /// <summary>True once a string was asked for that needed the library's own resources.</summary>
    internal bool LibraryLoaded => library.IsValueCreated;

    /// <summary>The instance System.CommandLine uses, when <see cref="Install"/> could put one in place.</summary>
    internal static DeferredCommandLineResources? Installed { get; private set; }

    /// <summary>
    /// Puts a deferred manager in System.CommandLine's resource class before it creates its own; does nothing once it
    /// has one (then the strings come from there, as before).
    /// </summary>
    public static void Install()
    {
        if (Installed is not null)
        {
            return;
        }

        try
        {
            var deferred = new DeferredCommandLineResources();
            if (Interlocked.CompareExchange(ref LibraryResourceManager(null), deferred, null) is null)
            {
                Installed = deferred;
            }
        }
        catch (MissingFieldException)
        {
            // Another System.CommandLine build without the generated field: it loads its resources itself, as before.
        }
    }

    public override string? GetString(string name, CultureInfo? culture) =>
        Neutral.TryGetValue(name, out var text) && Invariant(culture) ? text : library.Value.GetString(name, culture);

    public override object? GetObject(string name, CultureInfo? culture) => library.Value.GetObject(name, culture);

    public override ResourceSet? GetResourceSet(CultureInfo culture, bool createIfNotExists, bool tryParents) =>
        library.Value.GetResourceSet(culture, createIfNotExists, tryParents);

    public override string BaseName => library.Value.BaseName;

    public override bool IgnoreCase
    {
        get => library.Value.IgnoreCase;
        set => library.Value.IgnoreCase = value;
    }

    public override void ReleaseAllResources() => library.Value.ReleaseAllResources();

    // A culture other than the invariant one could have a satellite assembly of its own: ask the library.
    private static bool Invariant(CultureInfo? culture) => (culture ?? CultureInfo.CurrentUICulture).Name.Length == 0;

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "resourceMan")]
    private static extern ref ResourceManager? LibraryResourceManager(
        [UnsafeAccessorType("System.CommandLine.Properties.Resources, System.CommandLine")] object? resources);
}
