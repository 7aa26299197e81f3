using FluentValidation;

namespace Hotfix.Policy.Decisions;

/// <summary>
/// The request's own consistency (not the decision): numbers in range, and a culprit whenever several services are
/// affected, because "unclear which caused it" must be said, not assumed. Problems name the request's properties;
/// hosts word them their own way (<see cref="DecisionInputException"/>).
/// </summary>
internal sealed class RollbackDecisionRequestValidator : AbstractValidator<RollbackDecisionRequest>
{
    // Building the rules is the expensive part; a built validator is immutable and safe to share.
    private static readonly RollbackDecisionRequestValidator Instance = new();

    public RollbackDecisionRequestValidator()
    {
        RuleFor(r => r.RootCause).IsInEnum().OverridePropertyName(nameof(RollbackDecisionRequest.RootCause)).WithMessage("expected known or unknown");
        RuleFor(r => r.Impact).IsInEnum().OverridePropertyName(nameof(RollbackDecisionRequest.Impact)).WithMessage("expected ongoing or contained");
        RuleFor(r => r.FixEtaMinutes).InclusiveBetween(0, 100_000).When(r => r.FixEtaMinutes is not null)
            .OverridePropertyName(nameof(RollbackDecisionRequest.FixEtaMinutes)).WithMessage(r => $"{r.FixEtaMinutes} is out of range; expected minutes from 0 to 100000");
        RuleFor(r => r.ServicesAffected).InclusiveBetween(1, 10_000)
            .OverridePropertyName(nameof(RollbackDecisionRequest.ServicesAffected)).WithMessage(r => $"{r.ServicesAffected} is out of range; expected a count from 1 to 10000");
        RuleFor(r => r.Culprit).NotNull().When(r => r.ServicesAffected > 1)
            .OverridePropertyName(nameof(RollbackDecisionRequest.Culprit))
            .WithMessage(r => $"missing with {r.ServicesAffected} services affected; expected known or unknown (is it clear which service caused it?)");
        RuleFor(r => r.Culprit).IsInEnum().When(r => r.Culprit is not null).OverridePropertyName(nameof(RollbackDecisionRequest.Culprit)).WithMessage("expected known or unknown");
        RuleFor(r => r.IncidentAgeMinutes).InclusiveBetween(0, 10_000_000).When(r => r.IncidentAgeMinutes is not null)
            .OverridePropertyName(nameof(RollbackDecisionRequest.IncidentAgeMinutes)).WithMessage(r => $"{r.IncidentAgeMinutes} is out of range; expected minutes since the incident started (0 or more)");
    }

    /// <summary>Throws <see cref="HotfixInputException"/> naming every bad input (one per line).</summary>
    public static void Ensure(RollbackDecisionRequest request)
    {
        var errors = Instance.Validate(request).Errors;
        if (errors.Count > 0)
        {
            throw new DecisionInputException(errors.Select(e => new InputProblem(e.PropertyName, e.ErrorMessage)).ToList());
        }
    }
}
