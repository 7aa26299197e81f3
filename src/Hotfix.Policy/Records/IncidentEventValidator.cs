using FluentValidation;
using Hotfix.Policy.Policies.Validation;
using Hotfix.Policy.Rules;

namespace Hotfix.Policy.Records;

/// <summary>
/// What every incident-record event must carry (who, when, what), and what a rollback must carry (HF5006: "every
/// rollback must be documented with reason and verification"). Property names are the event's JSON names; the error
/// code is the rule id where a rule applies.
/// </summary>
internal sealed class IncidentEventValidator : AbstractValidator<IncidentEvent>
{
    /// <summary>The ids this validator reports: a rollback must be documented (HF5006).</summary>
    public static readonly IReadOnlyList<string> Emits = [RuleIds.RollbackDocumented];

    private static readonly IncidentEventValidator Instance = new();

    public IncidentEventValidator()
    {
        RuleFor(e => e.Kind).Must(Identifiers.IsKebab).OverridePropertyName("kind")
            .WithMessage(e => $"'{e.Kind}' is not a kind; expected lowercase words and hyphens such as rollback or deploy-step");
        RuleFor(e => e.By).Must(NotBlank).OverridePropertyName("by").WithMessage("missing; expected who did it");
        RuleFor(e => e.Summary).Must(NotBlank).OverridePropertyName("summary").WithMessage("missing; expected one line saying what happened");
        RuleFor(e => e.At).NotEqual(default(DateTimeOffset)).OverridePropertyName("at").WithMessage("missing; expected when it happened");
        RuleFor(e => e.Id).Must(id => id is null || IncidentEventIds.IsWellFormed(id)).OverridePropertyName("id")
            .WithMessage(e => $"'{e.Id}' is not an entry id; expected 1 to 100 letters, digits, '-' or '_'");
        RuleFor(e => e.SchemaVersion).Equal(IncidentEvent.CurrentSchemaVersion).OverridePropertyName("schemaVersion")
            .WithMessage($"expected {IncidentEvent.CurrentSchemaVersion}");

        When(e => e.Kind == IncidentEventKinds.Rollback, () =>
        {
            RuleFor(e => e.Reason).Must(NotBlank).OverridePropertyName("reason").WithErrorCode(RuleIds.RollbackDocumented)
                .WithMessage("missing; every rollback must be documented with its reason (why it was rolled back)");
            RuleFor(e => e.Phase).Must(p => p is null or IncidentEventPhases.Started or IncidentEventPhases.Finished)
                .OverridePropertyName("phase").WithMessage(e => $"'{e.Phase}' is not a phase; expected started or finished (or none for a single entry)");
            When(e => e.Phase != IncidentEventPhases.Started, () =>
            {
                RuleFor(e => e.Outcome).Must(NotBlank).OverridePropertyName("outcome").WithErrorCode(RuleIds.RollbackDocumented)
                    .WithMessage("missing; a finished rollback must say how it ended (e.g. rolled-back, failed)");
                RuleFor(e => e.Verification).Must(v => v.Count > 0 && v.All(NotBlank)).OverridePropertyName("verification")
                    .WithErrorCode(RuleIds.RollbackDocumented)
                    .WithMessage("missing; every rollback must be documented with its verification (what was checked afterwards: issue resolved, no data lost, team notified)");
            });
        });
        TestRunAndStatusRules();
    }

    private void TestRunAndStatusRules()
    {
        When(e => e.Kind == IncidentEventKinds.TestRun, () =>
        {
            RuleFor(e => e.Outcome).Must(o => o is TestRuns.TestRunEvents.Pass or TestRuns.TestRunEvents.Fail).OverridePropertyName("outcome")
                .WithMessage(e => $"'{e.Outcome}' is not a test result; expected pass or fail");
            RuleFor(e => e.Details).Must(d => d?["suite"] is System.Text.Json.Nodes.JsonValue suite && suite.TryGetValue<string>(out var id) && Identifiers.IsKebab(id))
                .OverridePropertyName("details.suite").WithMessage("missing; expected the suite that ran (e.g. smoke)");
        });
        When(e => e.Kind == IncidentEventKinds.Status, () =>
            RuleFor(e => e.Outcome).Must(o => o is not null && IncidentStatuses.All.Contains(o)).OverridePropertyName("outcome")
                .WithMessage(e => $"'{e.Outcome}' is not an incident status; expected {IncidentStatuses.ExpectedForm}"));
    }

    /// <summary>Every problem as "field: message", with the rule id in front where a rule applies.</summary>
    public static IReadOnlyList<string> Check(IncidentEvent incidentEvent) =>
        Instance.Validate(incidentEvent).Errors
            .Select(e => (e.ErrorCode.StartsWith("HF", StringComparison.Ordinal) ? e.ErrorCode + " " : string.Empty) + $"{e.PropertyName}: {e.ErrorMessage}")
            .ToList();

    private static bool NotBlank(string? text) => !string.IsNullOrWhiteSpace(text);
}
