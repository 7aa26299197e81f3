using Hotfix.Policy.Changes.Formatting;
using static Hotfix.Policy.Tests.Scope.InMemoryChanges;

namespace Hotfix.Policy.Tests.Scope;

public class FormattingAnalysisTests
{
    private static readonly string Method = Lines(
        "public class Pricing",
        "{",
        "    public decimal Total(Order order)",
        "    {",
        "        var sum = order.Lines.Sum(l => l.Price);",
        "        return Math.Round(sum, 2);",
        "    }",
        "}");

    [Fact]
    public void Crlf_to_lf_only_is_formatting_only()
    {
        var verdict = FormattingAnalysis.Analyze(Modified("src/Pricing.cs", Method.Replace("\n", "\r\n"), Method));
        Assert.True(verdict.IsFormattingOnly);
        Assert.Equal([FormattingKinds.LineEndings], verdict.Kinds);
    }

    [Fact]
    public void Reindenting_and_respacing_is_formatting_only()
    {
        var reformatted = Method.Replace("    ", "\t").Replace("l => l.Price", "l=>l.Price");
        var verdict = FormattingAnalysis.Analyze(Modified("src/Pricing.cs", Method, reformatted));
        Assert.True(verdict.IsFormattingOnly);
        Assert.Equal([FormattingKinds.Whitespace], verdict.Kinds);
    }

    [Fact]
    public void A_logic_change_that_also_reindents_is_not_formatting()
    {
        var wrapped = Lines(
            "public class Pricing",
            "{",
            "    public decimal Total(Order order)",
            "    {",
            "        if (order.Lines.Count > 0)",
            "        {",
            "            var sum = order.Lines.Sum(l => l.Price);",
            "            return Math.Round(sum, 2);",
            "        }",
            "        return 0m;",
            "    }",
            "}");
        var verdict = FormattingAnalysis.Analyze(Modified("src/Pricing.cs", Method, wrapped));
        Assert.False(verdict.IsFormattingOnly);
        Assert.Empty(verdict.Hunks);
    }

    [Fact]
    public void Whitespace_inside_a_string_literal_is_a_real_change()
    {
        var verdict = FormattingAnalysis.Analyze(Modified("src/A.cs", "var s = \"Total: \" + x;\n", "var s = \"Total:\" + x;\n"));
        Assert.False(verdict.IsFormattingOnly);
        Assert.Empty(verdict.Hunks);
    }

    [Fact]
    public void Indentation_is_syntax_in_python()
    {
        var before = Lines("def total(lines):", "    s = 0", "    for l in lines:", "        s += l", "    return s");
        var after = Lines("def total(lines):", "    s = 0", "    for l in lines:", "        s += l", "        return s");
        Assert.False(FormattingAnalysis.Analyze(Modified("app/pricing.py", before, after)).IsFormattingOnly);
        Assert.True(FormattingAnalysis.Analyze(Modified("app/pricing.py", before, before.Replace("s = 0", "s  =  0"))).IsFormattingOnly);
    }

    [Fact]
    public void Reordered_usings_are_formatting_only_but_a_new_using_is_not()
    {
        var before = Lines("using System.Linq;", "using System;", "", "class A { }");
        var sorted = Lines("using System;", "using System.Linq;", "", "class A { }");
        var verdict = FormattingAnalysis.Analyze(Modified("A.cs", before, sorted));
        Assert.True(verdict.IsFormattingOnly);
        Assert.Equal([FormattingKinds.ImportOrder], verdict.Kinds);

        var added = Lines("using System;", "using System.IO;", "using System.Linq;", "", "class A { }");
        Assert.False(FormattingAnalysis.Analyze(Modified("A.cs", before, added)).IsFormattingOnly);
    }

    [Fact]
    public void Swapped_statements_are_a_real_change()
    {
        var before = Lines("Validate(order);", "Save(order);", "Notify(order);");
        var after = Lines("Save(order);", "Validate(order);", "Notify(order);");
        Assert.False(FormattingAnalysis.Analyze(Modified("A.cs", before, after)).IsFormattingOnly);
    }

    [Fact]
    public void A_using_statement_is_not_an_import()
    {
        var before = Lines("using var a = Open();", "using var b = Open();");
        var after = Lines("using var b = Open();", "using var a = Open();");
        Assert.False(FormattingAnalysis.Analyze(Modified("A.cs", before, after)).IsFormattingOnly);
    }

    [Theory]
    [InlineData("app.ts", "import { b } from './b';", "import a from \"a\";")]
    [InlineData("app.py", "from os import path", "import sys")]
    [InlineData("main.go", "\t\"os\"", "\t\"fmt\"")]
    [InlineData("App.java", "import java.util.List;", "import static org.junit.Assert.*;")]
    public void Imports_reordered_in_other_languages_are_formatting(string path, string first, string second)
    {
        var verdict = FormattingAnalysis.Analyze(Modified(path, Lines(first, second, "", "x = 1"), Lines(second, first, "", "x = 1")));
        Assert.True(verdict.IsFormattingOnly, path);
    }

    [Fact]
    public void A_whitespace_hunk_beside_a_real_change_is_reported_with_its_lines()
    {
        var lines = Enumerable.Range(1, 60).Select(i => $"    int Field{i} = {i};").ToList();
        var before = string.Join('\n', lines) + "\n";
        lines[4] = "    int Field5 = 500;";
        lines[49] = "    int  Field50 =  50;";
        lines[50] = "\tint Field51 = 51;";
        var verdict = FormattingAnalysis.Analyze(Modified("A.cs", before, string.Join('\n', lines) + "\n"));
        Assert.False(verdict.IsFormattingOnly);
        var hunk = Assert.Single(verdict.Hunks);
        Assert.Equal((50, 51, 4), (hunk.FirstLine, hunk.LastLine, hunk.ChangedLines));
        Assert.Equal([FormattingKinds.Whitespace], hunk.Kinds);
    }

    [Fact]
    public void Added_deleted_and_mode_only_changes_are_not_formatting()
    {
        Assert.False(FormattingAnalysis.Analyze(Added("A.cs", "  \n")).IsFormattingOnly);
        Assert.False(FormattingAnalysis.Analyze(Deleted("A.cs", "x\n")).IsFormattingOnly);
        Assert.False(FormattingAnalysis.Analyze(Modified("A.cs", "x\n", "x\n")).IsFormattingOnly);
    }

    [Theory]
    [InlineData("docker/entrypoint.sh", "JAVA_OPTS = \"-Xmx1g\"", "JAVA_OPTS=\"-Xmx1g\"")]
    [InlineData("docker/entrypoint.sh", "if [$PROFILE = \"prod\" ]; then", "if [ $PROFILE = \"prod\" ]; then")]
    [InlineData("deploy/values-prod.yaml", "    memory:1Gi", "    memory: 1Gi")]
    [InlineData("Makefile", "        go build ./...", "\tgo build ./...")]
    [InlineData("Dockerfile", "RUN apt-get install -y curl&& rm -rf /var/lib/apt", "RUN apt-get install -y curl && rm -rf /var/lib/apt")]
    [InlineData(".env", "DATABASE_URL =postgres://db/app", "DATABASE_URL=postgres://db/app")]
    [InlineData("app/views/show.haml", "%p= total", "%p = total")]
    public void Whitespace_is_a_real_change_where_the_language_reads_it(string path, string before, string after)
    {
        var verdict = FormattingAnalysis.Analyze(Modified(path, Lines("a", before, "b"), Lines("a", after, "b")));
        Assert.False(verdict.IsFormattingOnly);
        Assert.Empty(verdict.Hunks);
    }

    [Theory]
    [InlineData("deploy/values-prod.yaml")]
    [InlineData("docker/entrypoint.sh")]
    public void Blank_lines_stay_formatting_where_whitespace_is_read(string path)
    {
        var verdict = FormattingAnalysis.Analyze(Modified(path, Lines("a: 1", "b: 2"), Lines("a: 1", "", "b: 2")));
        Assert.True(verdict.IsFormattingOnly);
        Assert.Equal([FormattingKinds.BlankLines], verdict.Kinds);
    }

    [Fact]
    public void Line_endings_are_formatting_in_yaml_but_a_real_change_in_a_shell_script()
    {
        var yaml = Lines("replicaCount: 4", "image:", "  tag: \"3.8.0\"");
        Assert.True(FormattingAnalysis.Analyze(Modified("values.yaml", yaml.Replace("\n", "\r\n"), yaml)).IsFormattingOnly);

        var script = Lines("#!/bin/sh", "set -eu", "exec /app/server");
        Assert.False(FormattingAnalysis.Analyze(Modified("docker/entrypoint.sh", script.Replace("\n", "\r\n"), script)).IsFormattingOnly);
        Assert.False(FormattingAnalysis.Analyze(Modified("bin/deploy", script.Replace("\n", "\r\n"), script)).IsFormattingOnly);
    }

    [Fact]
    public void A_side_effect_import_moved_is_a_real_change()
    {
        var before = Lines("import { NestFactory } from '@nestjs/core';", "import { AppModule } from './app.module';", "import './instrument';", "import 'reflect-metadata';", "", "bootstrap();");
        var after = Lines("import 'reflect-metadata';", "import './instrument';", "import { NestFactory } from '@nestjs/core';", "import { AppModule } from './app.module';", "", "bootstrap();");
        Assert.False(FormattingAnalysis.Analyze(Modified("src/main.ts", before, after)).IsFormattingOnly);

        // The same imports with bindings sorted is still import order.
        var sorted = Lines("import { AppModule } from './app.module';", "import { NestFactory } from '@nestjs/core';", "import './instrument';", "import 'reflect-metadata';", "", "bootstrap();");
        Assert.Equal([FormattingKinds.ImportOrder], FormattingAnalysis.Analyze(Modified("src/main.ts", before, sorted)).Kinds);
    }

    [Fact]
    public void An_import_moved_across_code_is_a_real_change()
    {
        var before = Lines("from gevent import monkey", "monkey.patch_all()", "import requests", "import os", "", "x = 1");
        var after = Lines("import requests", "from gevent import monkey", "monkey.patch_all()", "import os", "", "x = 1");
        Assert.False(FormattingAnalysis.Analyze(Modified("app/wsgi.py", before, after)).IsFormattingOnly);

        var sorted = Lines("from gevent import monkey", "monkey.patch_all()", "import os", "import requests", "", "x = 1");
        Assert.True(FormattingAnalysis.Analyze(Modified("app/wsgi.py", before, sorted)).IsFormattingOnly);
    }

    [Fact]
    public void Lines_re_saved_with_other_line_endings_around_a_fix_are_named()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"    public decimal Rate{i}(decimal w) => w * {i}m;").ToList();
        var before = string.Join("\r\n", lines) + "\r\n";
        lines[14] = "    public decimal Rate15(decimal w) => w * 16m;";
        var verdict = FormattingAnalysis.Analyze(Modified("src/Shipping.cs", before, string.Join('\n', lines) + "\n"));
        Assert.False(verdict.IsFormattingOnly);
        var endings = Assert.IsType<LineEndingChange>(verdict.LineEndings);
        Assert.Equal(29, endings.Lines.Count);
        Assert.DoesNotContain(15, endings.Lines);
        Assert.Equal((LineEndingChange.ToLf, true), (endings.Direction, endings.Uniform));

        // The fix alone, endings kept: nothing to name.
        Assert.Null(FormattingAnalysis.Analyze(Modified("src/Shipping.cs", before, string.Join("\r\n", lines) + "\r\n")).LineEndings);

        // In a shell script the carriage returns were the bug: not named as formatting.
        Assert.Null(FormattingAnalysis.Analyze(Modified("run.sh", before, string.Join('\n', lines) + "\n")).LineEndings);
    }

    /// <summary>
    /// The checksum that answers "real" early must never answer it for a change the line comparison calls formatting:
    /// random hunks, reformatted and edited, get the same verdict with the checksum and without it.
    /// </summary>
    [Theory]
    [InlineData("src/Pricing.cs", nameof(WhitespaceSyntax.BetweenTokens))]
    [InlineData("app/pricing.py", nameof(WhitespaceSyntax.Indentation))]
    [InlineData("deploy/values.yaml", nameof(WhitespaceSyntax.Significant))]
    [InlineData("run.sh", nameof(WhitespaceSyntax.Verbatim))]
    public void The_checksum_never_changes_a_verdict(string path, string syntaxName)
    {
        var syntax = WhitespaceSyntaxes.Of(path, string.Empty);
        Assert.Equal(syntaxName, syntax.ToString());
        string[] fragments =
        [
            "using System;", "using System.Linq;", "import os", "import requests", "var sum = a + b;", "return \"a  b\";",
            "if (x) {", "}", "{", "total = round(sum, 2)", "memory: 1Gi", "// note", "echo \"done\"", "\t", "  ", "",
        ];
        var isImport = ImportLines.For(path);
        var braces = CanonicalLine.LineBreaksAreWhitespace(path);
        var random = new Random(20261207);
        var formatting = 0;
        for (var n = 0; n < 3000; n++)
        {
            var before = Enumerable.Range(0, random.Next(1, 9))
                .Select(_ => new string(' ', random.Next(0, 3) * 4) + fragments[random.Next(fragments.Length)] + (random.Next(4) == 0 ? "\r" : string.Empty))
                .ToList();
            var after = before.ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var i = random.Next(after.Count);
                after[i] = random.Next(9) switch
                {
                    0 => after[i].Replace("    ", "\t", StringComparison.Ordinal),
                    1 => after[i].EndsWith('\r') ? after[i][..^1] : after[i] + "\r",
                    2 => after[i].Replace(" + ", "+", StringComparison.Ordinal).Replace(" = ", "=", StringComparison.Ordinal),
                    3 => "  " + after[i] + " ",
                    4 => after[i].Replace("a", "b", StringComparison.Ordinal),
                    5 => after[i] + ";",
                    _ => after[i],
                };
                switch (random.Next(6))
                {
                    case 0:
                        after.Insert(random.Next(after.Count + 1), random.Next(2) == 0 ? string.Empty : "   ");
                        break;
                    case 1 when after.Count > 1:
                        var j = random.Next(after.Count - 1);
                        (after[j], after[j + 1]) = (after[j + 1], after[j]);
                        break;
                    case 2 when braces && i > 0 && after[i].Trim() == "{":
                        after[i - 1] += " {";
                        after.RemoveAt(i);
                        break;
                    case 3 when after.Count > 1:
                        after.RemoveAt(random.Next(after.Count));
                        break;
                }
            }

            var expected = FormattingAnalysis.CompareLines(before, after, syntax, isImport, braces);
            formatting += expected is null ? 0 : 1;
            Assert.Equal(expected, FormattingAnalysis.Compare(before, after, syntax, isImport, braces));
        }

        // Both answers occur often, or the comparison above proves little.
        Assert.InRange(formatting, 300, 2700);
    }
}
