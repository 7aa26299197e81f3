using FluentValidation.Results;
using Hotfix.Policy.Checks.Classification;
using Hotfix.Policy.Paths;

namespace Hotfix.Policy.Policies.Validation;

/// <summary>
/// <c>tests.appliesTo</c>: a condition names change kinds the policy knows and valid path globs, and never holds back a
/// mandatory suite — the runbook runs MANDATORY_TESTS for every change, at every severity.
/// </summary>
internal static class TestConditionRules
{
    public static void Check(HotfixPolicy policy, PolicyFailures context)
    {
        var known = ChangeKindDeclaration.Known(policy);
        foreach (var (id, condition) in policy.Tests.AppliesTo)
        {
            var path = JsonPath.Child("$.tests.appliesTo", id);
            if (!Identifiers.IsKebab(id))
            {
                Problem(context, path, $"key '{id}'", "a test id of lowercase words and hyphens (e.g. cross-browser)");
                continue;
            }

            if (policy.Tests.Mandatory.Contains(id))
            {
                Problem(context, path, $"a condition on \"{id}\", which is mandatory", "conditions only on suites that are not in $.tests.mandatory: MANDATORY_TESTS run for every change");
            }

            for (var i = 0; i < condition.Kinds.Count; i++)
            {
                if (!known.Contains(condition.Kinds[i]))
                {
                    var suggestion = Suggestions.Closest(condition.Kinds[i], known);
                    Problem(
                        context,
                        $"{path}.kinds[{i}]",
                        HotfixPolicyValidator.DescribeValue(condition.Kinds[i]),
                        $"a change kind: one of {string.Join(", ", known)} (or a key you add to $.classification)" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
                }
            }

            for (var i = 0; i < condition.Paths.Count; i++)
            {
                if (!Glob.TryParse(condition.Paths[i], out _, out var problem))
                {
                    Problem(context, $"{path}.paths[{i}]", HotfixPolicyValidator.DescribeValue(condition.Paths[i]) + " (" + problem + ")", Glob.ExpectedForm);
                }
            }
        }
    }

    private static void Problem(PolicyFailures context, string path, string found, string expected) =>
        context.AddFailure(new ValidationFailure(path, expected) { CustomState = found });
}
