using Hotfix.Policy.History;
using Hotfix.Policy.Ports;

namespace Hotfix.Policy.Checks;

/// <summary>
/// The main a check compares with, chosen once and shared by the branch rules (HF0102–HF0105) and the change set
/// (HF1101–HF1105, classification, migrations): local main, or its remote-tracking branch when local main is missing
/// or strictly behind it (<see cref="BranchTips.Freshest"/>). Two choices could disagree: an engineer who started with
/// <c>git fetch &amp;&amp; git switch -c hotfix/… origin/main</c> and never pulled main would have every release merged
/// since counted as their change.
/// </summary>
internal sealed class MainBranch
{
    private MainBranch(BranchTip? tip)
    {
        Tip = tip;
    }

    /// <summary>The chosen ref; null when neither exists, or when the host supplied no <see cref="IHistoryReader"/> to compare them.</summary>
    public BranchTip? Tip { get; }

    public static MainBranch Of(CheckContext context) => context.Fact(Choose);

    private static MainBranch Choose(CheckContext context)
    {
        var branches = context.Policy.Branches;
        return new MainBranch(context.Ports.Find<IHistoryReader>() is { } history ? BranchTips.Freshest(history, branches.Main, branches.Remote) : null);
    }
}
