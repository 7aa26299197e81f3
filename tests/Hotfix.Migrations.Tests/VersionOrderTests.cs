using Hotfix.Migrations.Detection;

namespace Hotfix.Migrations.Tests;

public class VersionOrderTests
{
    [Theory]
    [InlineData("V9__notes.sql", "V10__widen.sql")]
    [InlineData("V1_2__a.sql", "V1_10__b.sql")]
    [InlineData("V1__a.sql", "V1_1__b.sql")]
    [InlineData("0009_add_field.py", "0010_alter_field.py")]
    [InlineData("20261001000000_init.sql", "20261115103000_sizes.sql")]
    [InlineData("9.sql", "010.sql")]
    [InlineData("V2__a.sql", "V2__b.sql")]
    public void Runs_the_first_before_the_second(string first, string second)
    {
        Assert.True(VersionOrder.Instance.Compare(first, second) < 0, $"{first} should sort before {second}");
        Assert.True(VersionOrder.Instance.Compare(second, first) > 0, $"{second} should sort after {first}");
    }

    [Fact]
    public void Is_a_total_order_on_names_equal_in_value()
    {
        Assert.NotEqual(0, VersionOrder.Instance.Compare("V01__a.sql", "V1__a.sql"));
        Assert.Equal(0, VersionOrder.Instance.Compare("V1__a.sql", "V1__a.sql"));
    }
}
