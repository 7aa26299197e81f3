using System.Text.Json;
using Hotfix.Policy.Reporting;

namespace Hotfix.Policy.Checks.Testing;

/// <summary>
/// The <c>testsNotRequired</c> section: the suites whose condition (policy <c>tests.appliesTo</c>) this change does not
/// meet, each with why — so a CI job reading <c>requiredTests</c> can tell "left out on purpose" from "forgotten". People
/// read the same in the required tests' "Not required: …" line, so this section has nothing of its own for them.
/// </summary>
internal sealed class TestsNotRequiredSection(IReadOnlyList<(string Id, string Reason)> notRequired) : ReportSection
{
    public override string Key => "testsNotRequired";

    public override string Title => "Tests not required";

    public override bool ForPeople => false;

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var (id, reason) in notRequired)
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("reason", reason);
            writer.WriteString("policyKey", "tests.appliesTo." + id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public override void Describe(ReportDocumentBuilder document)
    {
    }
}

internal sealed class TestsNotRequiredSectionProvider : IReportSectionProvider
{
    public ReportSection Build(CheckContext context) =>
        new TestsNotRequiredSection(TestPlan.Explain(context).NotRequired);
}
