namespace Hotfix.Policy.Reviews;

/// <summary>An item of the review checklist: <c>M1</c>… for MUST_CHECK, <c>S1</c>… for MAY_SKIP, in policy order.</summary>
/// <param name="Id"><c>M1</c>, <c>M2</c>… or <c>S1</c>, <c>S2</c>…; what a review record names it by.</param>
/// <param name="Text">The item in the policy's words (the runbook's by default).</param>
/// <param name="MustCheck">True for MUST_CHECK (never skippable), false for MAY_SKIP.</param>
public sealed record ReviewItem(string Id, string Text, bool MustCheck)
{
    /// <summary>The id and the quoted text, e.g. <c>M1 "Does the fix address the root cause …"</c>.</summary>
    public override string ToString() => $"{Id} \"{Text}\"";
}

/// <summary>The review checklist of a policy, and how records name its items (by id, or by the exact text).</summary>
internal sealed class ReviewItems
{
    public ReviewItems(Policies.ReviewPolicy policy)
    {
        MustCheck = policy.MustCheck.Select((text, i) => new ReviewItem($"M{i + 1}", text, true)).ToList();
        MaySkip = policy.MaySkip.Select((text, i) => new ReviewItem($"S{i + 1}", text, false)).ToList();
    }

    public IReadOnlyList<ReviewItem> MustCheck { get; }

    public IReadOnlyList<ReviewItem> MaySkip { get; }

    public IEnumerable<ReviewItem> All => MustCheck.Concat(MaySkip);

    public string ExpectedForm =>
        $"an item id ({Range(MustCheck)}{(MaySkip.Count > 0 ? ", " + Range(MaySkip) : string.Empty)}) or the item's text";

    /// <summary>The item a record means by <paramref name="reference"/>: its id (any case) or its text (case and spacing ignored).</summary>
    public ReviewItem? Find(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var wanted = Normalize(reference);
        return All.FirstOrDefault(i => string.Equals(i.Id, reference.Trim(), StringComparison.OrdinalIgnoreCase) || Normalize(i.Text) == wanted);
    }

    internal static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static string Range(IReadOnlyList<ReviewItem> items) =>
        items.Count == 1 ? items[0].Id : $"{items[0].Id}–{items[^1].Id}";
}
