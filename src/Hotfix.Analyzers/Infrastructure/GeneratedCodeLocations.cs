using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// The compiler's test of whether a finding lies in generated code, for a rule that reports only inside the code it
/// was given to analyze — code the driver has already found not to be generated as a file or as a declaration. What
/// is left to test is what the driver tests only when a finding arrives: a <c>#line hidden</c> region, and a
/// <c>[GeneratedCode]</c> declaration between the finding and that code (an accessor of a property that is not).
/// </summary>
/// <remarks>
/// Why a rule does this itself: the driver answers the second question by walking every token of the finding's file,
/// once per file, inside the rule's <c>ReportDiagnostic</c> — on a data-access layer with a finding in every file that
/// walk was most of what reporting cost (benchmarks/README.md, "Analyzers, seventh pass"). Here a file is read for the
/// text "GeneratedCode" once, and only a file that has it is bound; the answer for each finding is the driver's:
/// an enclosing declaration declared once (the driver treats a partial symbol as never generated) that carries
/// <see cref="System.CodeDom.Compiler.GeneratedCodeAttribute"/>.
/// </remarks>
internal sealed class GeneratedCodeLocations
{
    /// <summary>Per syntax tree: may it name the attribute at all? Trees do not change, so one answer serves every rule.</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<bool>> MayNameAttribute = new();

    private readonly Compilation compilation;
    private readonly Lazy<INamedTypeSymbol?> generatedCodeAttribute;

    private GeneratedCodeLocations(Compilation compilation)
    {
        this.compilation = compilation;
        generatedCodeAttribute = new Lazy<INamedTypeSymbol?>(
            () => compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute"), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static GeneratedCodeLocations For(Compilation compilation) => new(compilation);

    /// <summary>True when the compiler would drop a finding at <paramref name="location"/> as generated code.</summary>
    public bool Contains(Location location, CancellationToken cancellationToken)
    {
        var tree = location.SourceTree;
        if (!location.IsInSource || tree == null)
        {
            return false;
        }

        // In a file with a hidden region, C# counts the lines before its first #line directive as hidden too.
        if (tree.HasHiddenRegions() &&
            tree.GetLineVisibility(location.SourceSpan.Start, cancellationToken) is LineVisibility.Hidden or LineVisibility.BeforeFirstLineDirective)
        {
            return true;
        }

        if (!MayNameAttribute.GetValue(tree, t => new StrongBox<bool>(MentionsAttribute(t, cancellationToken))).Value ||
            generatedCodeAttribute.Value is not { } attribute)
        {
            return false;
        }

        SemanticModel? model = null;
        for (var node = tree.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true); node != null; node = node.Parent)
        {
            if (node is not (MemberDeclarationSyntax { AttributeLists.Count: > 0 } or AccessorDeclarationSyntax { AttributeLists.Count: > 0 }))
            {
                continue;
            }

            model ??= compilation.GetSemanticModel(tree);
            if (node is BaseFieldDeclarationSyntax field
                ? field.Declaration.Variables.Any(v => IsMarked(model.GetDeclaredSymbol(v, cancellationToken), attribute))
                : IsMarked(model.GetDeclaredSymbol(node, cancellationToken), attribute))
            {
                return true;
            }
        }

        return false;
    }

    // The driver's rule: the attribute counts on a symbol declared in one place only.
    private static bool IsMarked(ISymbol? symbol, INamedTypeSymbol attribute)
    {
        if (symbol == null || symbol.DeclaringSyntaxReferences.Length > 1)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    // The driver looks for an identifier spelled GeneratedCode or GeneratedCodeAttribute; the text test is wider (a
    // comment or a string passes it too) and a Unicode escape could spell the identifier without the text, so such a
    // file is bound as well.
    private static bool MentionsAttribute(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        return text.IndexOf("GeneratedCode", StringComparison.Ordinal) >= 0 || text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
