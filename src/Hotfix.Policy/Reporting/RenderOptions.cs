namespace Hotfix.Policy.Reporting;

/// <summary>How a report is drawn.</summary>
/// <param name="Color">ANSI colour in the text format; the CLI turns it on only for a terminal without NO_COLOR.</param>
/// <param name="RepositoryRoot">Absolute root of the repository, for SARIF's %SRCROOT% base; null leaves it out.</param>
internal sealed record RenderOptions(bool Color = false, string? RepositoryRoot = null);
