using Hotfix.Policy.Findings;

namespace Hotfix.Policy.Checks;

/// <summary>
/// The waivers that apply to one check: the caller's (<c>--allow</c>) first, then the policy's <c>waivers</c> for the
/// incident of the branch. The first request for a rule wins, so a reason given on the command line is the one shown.
/// </summary>
internal static class WaiverRequests
{
    public static IReadOnlyDictionary<string, WaiverRequest> For(CheckContext context)
    {
        var byRule = new Dictionary<string, WaiverRequest>(StringComparer.Ordinal);
        foreach (var request in context.Options.Waivers)
        {
            byRule.TryAdd(request.RuleId, request);
        }

        if (SubjectIncident.Of(context) is { } incident)
        {
            var id = incident.ToString();
            foreach (var waiver in context.Policy.Waivers.Where(w => w.Incident == id))
            {
                byRule.TryAdd(waiver.Rule, WaiverRequest.Create(waiver.Rule, waiver.Reason, $"policy waiver for {id}"));
            }
        }

        return byRule;
    }
}
