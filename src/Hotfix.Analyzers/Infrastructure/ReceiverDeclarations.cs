using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotfix.Analyzers.Infrastructure;

/// <summary>
/// What the receiver of a call is declared as, read from syntax alone — for a method whose body is read without its
/// semantic model (a helper in another file: RS1030). A generic name such as <c>CreateAsync</c> tells a user's
/// registration through <c>UserManager&lt;T&gt;</c> from a repository's insert only by the receiver, so the receiver's
/// declaration is looked up by name: a parameter or local of the function, a field, property or primary-constructor
/// parameter of the types around it. A <c>var</c> local is judged by its initializer.
/// </summary>
internal static class ReceiverDeclarations
{
    /// <summary>
    /// Whether the receiver of <paramref name="call"/> is declared with a type whose name contains one of
    /// <paramref name="typeNames"/> (<c>UserManager&lt;AppUser&gt; userManager</c>, <c>AppUserManager users</c>), or is
    /// written as an expression that names it (<c>GetRequiredService&lt;UserManager&lt;AppUser&gt;&gt;().CreateAsync(…)</c>).
    /// False when no declaration of that name is found here.
    /// </summary>
    public static bool IsNamedLike(InvocationExpressionSyntax call, params string[] typeNames)
    {
        var receiver = call.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Expression,
            MemberBindingExpressionSyntax => (call.Parent as ConditionalAccessExpressionSyntax)?.Expression,
            _ => null,
        };
        if (receiver is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var own })
        {
            receiver = own;
        }

        if (receiver == null)
        {
            return false;
        }

        if (receiver is not IdentifierNameSyntax { Identifier.ValueText: var name })
        {
            return Contains(receiver, typeNames);
        }

        return Declarations(call, name).Any(declared => Contains(declared, typeNames));
    }

    private static bool Contains(SyntaxNode node, string[] typeNames)
    {
        var text = node.ToString();
        return typeNames.Any(typeName => text.IndexOf(typeName, StringComparison.Ordinal) >= 0);
    }

    /// <summary>The type syntax (or a <c>var</c> local's initializer) of every declaration of <paramref name="name"/> in scope of the call.</summary>
    private static IEnumerable<SyntaxNode> Declarations(SyntaxNode call, string name)
    {
        foreach (var scope in call.Ancestors())
        {
            switch (scope)
            {
                case BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax:
                    foreach (var declared in Locals(scope, name))
                    {
                        yield return declared;
                    }

                    if (ParametersOf(scope) is { } parameters)
                    {
                        foreach (var parameter in parameters.Where(p => p.Identifier.ValueText == name && p.Type != null))
                        {
                            yield return parameter.Type!;
                        }
                    }

                    break;
                case TypeDeclarationSyntax type:
                    foreach (var declared in Members(type, name))
                    {
                        yield return declared;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<ParameterSyntax>? ParametersOf(SyntaxNode function) => function switch
    {
        BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
        LocalFunctionStatementSyntax local => local.ParameterList.Parameters,
        ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
        SimpleLambdaExpressionSyntax lambda => new[] { lambda.Parameter },
        AnonymousMethodExpressionSyntax { ParameterList: { } list } => list.Parameters,
        _ => null,
    };

    private static IEnumerable<SyntaxNode> Locals(SyntaxNode function, string name)
    {
        foreach (var declarator in function.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            if (declarator.Identifier.ValueText != name || declarator.Parent is not VariableDeclarationSyntax { Type: var type })
            {
                continue;
            }

            if (!type.IsVar)
            {
                yield return type;
            }
            else if (declarator.Initializer != null)
            {
                yield return declarator.Initializer.Value;
            }
        }
    }

    private static IEnumerable<SyntaxNode> Members(TypeDeclarationSyntax type, string name)
    {
        if (type.ParameterList != null)
        {
            foreach (var parameter in type.ParameterList.Parameters.Where(p => p.Identifier.ValueText == name && p.Type != null))
            {
                yield return parameter.Type!;
            }
        }

        foreach (var member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field when field.Declaration.Variables.Any(v => v.Identifier.ValueText == name):
                    yield return field.Declaration.Type;
                    break;
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    yield return property.Type;
                    break;
            }
        }
    }
}
