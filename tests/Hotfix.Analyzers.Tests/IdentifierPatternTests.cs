using Hotfix.Analyzers.Sql;

namespace Hotfix.Analyzers.Tests;

/// <summary>HF3001 trusts a value a regular expression checked only when the pattern admits identifier text alone.</summary>
public class IdentifierPatternTests
{
    [Theory]
    [InlineData(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    [InlineData(@"^\w+$")]
    [InlineData(@"\A[a-z_]{1,63}\z")]
    [InlineData(@"^[a-z]+(\.[a-z]+)?$")]
    [InlineData(@"^(?:ASC|DESC)$")]
    [InlineData(@"^[\w.]+$")]
    [InlineData(@"^\d+$")]
    public void Identifier_patterns_are_admitted(string pattern) => Assert.True(IdentifierPattern.Admits(pattern));

    [Theory]
    [InlineData(@"[A-Za-z]+")]          // not anchored: "x; DROP TABLE t" contains a match
    [InlineData(@"^[A-Za-z]+")]         // anchored at one end only
    [InlineData(@"^.+$")]               // any character
    [InlineData(@"^[\w ]+$")]           // a space
    [InlineData(@"^[\w\s]+$")]          // whitespace
    [InlineData(@"^[^;]+$")]            // a negated class
    [InlineData(@"^[a-z-]+$")]          // a dash that is no range: "--"
    [InlineData(@"^[a-z']+$")]          // a quote
    [InlineData(@"^(?=x)[a-z]+$")]      // a lookahead
    [InlineData(@"^\w+\$")]             // an escaped dollar is no anchor
    [InlineData(@"")]
    [InlineData(@"^$x")]
    public void Patterns_that_admit_more_than_a_name_are_not(string pattern) => Assert.False(IdentifierPattern.Admits(pattern));
}
