using FluentValidation;

namespace Hotfix.Policy.Decisions;

/// <summary>
/// The request's own consistency (not the decision): numbers in range, and a culprit whenever several services are
/// affected, because "unclear which caused it" must be said, not assumed. Property names are the CLI's flag names.
/// </summary>
internal sealed class RollbackDecisionRequestValidator : AbstractValidator<RollbackDecisionRequest>
{
    // Building the rules is the expensive part; a built validator is immutable and safe to share.
    private static readonly RollbackDecisionRequestValidator Instance = new();

    public RollbackDecisionRequestValidator()
    {
        RuleFor(r => r.RootCause).IsInEnum().OverridePropertyName("--root-cause").WithMessage("expected known or unknown");
        RuleFor(r => r.Impact).IsInEnum().OverridePropertyName("--impact").WithMessage("expected ongoing or contained");
        RuleFor(r => r.FixEtaMinutes).InclusiveBetween(0, 100_000).When(r => r.FixEtaMinutes is not null)
            .OverridePropertyName("--fix-eta").WithMessage(r => $"{r.FixEtaMinutes} is out of range; expected minutes from 0 to 100000");
        RuleFor(r => r.ServicesAffected).InclusiveBetween(1, 10_000)
            .OverridePropertyName("--services-affected").WithMessage(r => $"{r.ServicesAffected} is out of range; expected a count from 1 to 10000");
        RuleFor(r => r.Culprit).NotNull().When(r => r.ServicesAffected > 1)
            .OverridePropertyName("--culprit")
            .WithMessage(r => $"missing with {r.ServicesAffected} services affected; expected known or unknown (is it clear which service caused it?)");
        RuleFor(r => r.Culprit).IsInEnum().When(r => r.Culprit is not null).OverridePropertyName("--culprit").WithMessage("expected known or unknown");
        RuleFor(r => r.IncidentAgeMinutes).InclusiveBetween(0, 10_000_000).When(r => r.IncidentAgeMinutes is not null)
            .OverridePropertyName("--incident-age").WithMessage(r => $"{r.IncidentAgeMinutes} is out of range; expected minutes since the incident started (0 or more)");
    }

    /// <summary>Throws <see cref="HotfixInputException"/> naming every bad input (one per line).</summary>
    public static void Ensure(RollbackDecisionRequest request)
    {
        var errors = Instance.Validate(request).Errors;
        if (errors.Count > 0)
        {
            throw new HotfixInputException(string.Join('\n', errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        }
    }
}
