namespace Hotfix.Policy.Rules;

// The catalogue's sources (src/Hotfix.Policy/Shared) are compiled into this assembly and into the analyzer assembly.
// They declare no accessibility, so they are internal in the analyzers; here they are part of the public API.

/// <summary>Every rule id, as a constant (e.g. <see cref="RuleIds.DestructiveMigration"/> is <c>HF2002</c>).</summary>
public static partial class RuleIds;

public static partial class RuleCatalogue;

public static partial class RuleCategory;

public sealed partial class RuleDescriptor;
