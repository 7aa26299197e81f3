using Hotfix.Policy.Policies;
using Hotfix.Policy.Verification;

namespace Hotfix.Policy.Tests.Verification;

public class MetricJudgementTests
{
    private static VerificationCheckPolicy Check(double? max = null, double? min = null, double? ratio = null) =>
        new() { Id = "error-rate", Check = "error rate returned to baseline", Query = "q", Max = max, Min = min, BaselineRatio = ratio };

    [Theory]
    [InlineData(0.01, true)]
    [InlineData(0.012, true)]
    [InlineData(0.0121, false)]
    public void Back_to_baseline_is_at_most_the_baseline_times_the_ratio(double value, bool passed)
    {
        var reading = MetricJudgement.Judge(Check(ratio: 1.2), value, baseline: 0.01);
        Assert.Equal(passed, reading.Passed);
        Assert.Equal("baseline 0.01 × 1.2 = 0.012", reading.Threshold);
        Assert.Equal((value, 0.01), (reading.Value, reading.Baseline));
    }

    [Theory]
    [InlineData(5.0, true, "5 meets max 10, min 1")]
    [InlineData(10.0, true, "10 meets max 10, min 1")]
    [InlineData(11.0, false, "11 breaks max 10")]
    [InlineData(0.5, false, "0.5 breaks min 1")]
    [InlineData(double.PositiveInfinity, false, "Infinity breaks max 10")]
    public void Every_bound_given_must_hold_and_the_broken_one_is_named(double value, bool passed, string observation)
    {
        var reading = MetricJudgement.Judge(Check(max: 10, min: 1), value, baseline: null);
        Assert.Equal((passed, observation), (reading.Passed, reading.Observation));
    }

    [Fact]
    public void A_zero_baseline_means_back_to_zero() =>
        Assert.False(MetricJudgement.Judge(Check(ratio: 2), 0.001, baseline: 0).Passed);
}
