namespace Hotfix.Policy.Policies.Validation;

/// <summary>Policy <c>environments</c>: named like identifiers (they are typed as <c>--env NAME</c>), each once.</summary>
internal static class EnvironmentRules
{
    public const string NameForm = "an environment name of lowercase words and hyphens (e.g. dev, staging, production)";

    public static void Check(IReadOnlyList<EnvironmentPolicy> environments, Action<string, string, string> problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < environments.Count; i++)
        {
            var name = environments[i].Name;
            var path = $"$.environments[{i}].name";
            if (!Identifiers.IsKebab(name))
            {
                problem(path, HotfixPolicyValidator.DescribeValue(name), NameForm);
            }
            else if (!seen.Add(name))
            {
                problem(path, $"\"{name}\" again", "each environment once");
            }
        }
    }
}
