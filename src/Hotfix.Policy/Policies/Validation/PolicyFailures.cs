using FluentValidation;
using FluentValidation.Results;

namespace Hotfix.Policy.Policies.Validation;

/// <summary>
/// Where the policy's custom checks put the problems they find. Inside <see cref="HotfixPolicyValidator"/> each goes on
/// to FluentValidation's context, in the order found; <see cref="ValidPolicyFastPath"/> only counts them — so the
/// checks can run without a validator being built.
/// </summary>
internal sealed class PolicyFailures
{
    private readonly ValidationContext<HotfixPolicy>? context;

    /// <summary>Counts problems only.</summary>
    public PolicyFailures()
    {
    }

    /// <summary>Hands every problem to the validator's <paramref name="context"/>.</summary>
    public PolicyFailures(ValidationContext<HotfixPolicy> context) => this.context = context;

    public int Count { get; private set; }

    public void AddFailure(ValidationFailure failure)
    {
        Count++;
        context?.AddFailure(failure);
    }
}
