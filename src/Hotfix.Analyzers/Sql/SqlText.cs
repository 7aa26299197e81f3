using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Hotfix.Analyzers.Infrastructure;
using Hotfix.Migrations.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Sql;

/// <summary>How a SQL string came to be.</summary>
internal enum SqlOrigin
{
    /// <summary>Only constants (and values that cannot carry SQL: numbers, Guids, enums, sanitised identifiers).</summary>
    Constant,

    /// <summary>Built here — concatenated, interpolated, formatted, appended — with a piece that is not constant.</summary>
    Built,

    /// <summary>Received from elsewhere (a parameter, a field, a call): not built here, so not judged here.</summary>
    Opaque,
}

/// <summary>The verdict on a SQL string, with the first non-constant piece when it was built from one.</summary>
internal readonly struct SqlTextVerdict
{
    public SqlTextVerdict(SqlOrigin origin, IOperation? piece)
    {
        Origin = origin;
        Piece = piece;
    }

    public SqlOrigin Origin { get; }

    public IOperation? Piece { get; }

    public static SqlTextVerdict Constant => new(SqlOrigin.Constant, null);

    public static SqlTextVerdict Opaque => new(SqlOrigin.Opaque, null);

    public static SqlTextVerdict Built(IOperation piece) => new(SqlOrigin.Built, piece);
}

/// <summary>
/// Judges the SQL string an API receives, looking only at the method it is written in: constants, <c>const</c>
/// interpolation, <c>nameof</c>, ternaries and switch expressions of constants (the allow-list idiom), read-only
/// allow-list tables, sanitiser calls and values of types that cannot carry SQL are safe; concatenation, interpolation,
/// <c>string.Format</c>/<c>Concat</c>/<c>Join</c> and <c>StringBuilder</c> appends of anything else are "built". Locals
/// are followed through every value written to them. No dataflow engine: order and branches are not tracked.
/// </summary>
internal sealed class SqlText
{
    private const int MaxDepth = 24;

    private readonly SqlSymbols symbols;
    private readonly Func<IMethodSymbol, bool> isSanitizer;
    private readonly CancellationToken cancellationToken;
    private readonly HashSet<ISymbol> following = new(SymbolEqualityComparer.Default);

    /// <summary>The arguments of the builder calls being read: a builder's parameter is read as what its caller passed.</summary>
    private readonly Dictionary<IParameterSymbol, IOperation> arguments = new(SymbolEqualityComparer.Default);

    /// <summary>The element parameters of the Select lambdas being read whose sequence holds only safe values.</summary>
    private readonly HashSet<IParameterSymbol> vettedElements = new(SymbolEqualityComparer.Default);

    public SqlText(SqlSymbols symbols, Func<IMethodSymbol, bool> isSanitizer, CancellationToken cancellationToken)
    {
        this.symbols = symbols;
        this.isSanitizer = isSanitizer;
        this.cancellationToken = cancellationToken;
    }

    public SqlTextVerdict Judge(IOperation value) => Judge(value, 0);

    /// <summary>
    /// The SQL text as far as it is known, for reading its statements: constants verbatim; holes that the API turns
    /// into parameters as <c>@p</c>; values that cannot carry SQL as <c>0</c>; anything else spliced in as
    /// <see cref="SqlWriteScope.Hole"/>. Null when the text is not known here (a parameter, a call, several candidates).
    /// </summary>
    public string? Sketch(IOperation value, SqlSinkKind kind) => Sketch(value, kind, 0);

    private SqlTextVerdict Judge(IOperation value, int depth)
    {
        if (depth > MaxDepth)
        {
            return SqlTextVerdict.Opaque;
        }

        if (value.ConstantValue.HasValue)
        {
            return SqlTextVerdict.Constant;
        }

        var operation = value.WithoutConversions();
        if (operation.ConstantValue.HasValue || CannotCarrySql(operation.Type))
        {
            return SqlTextVerdict.Constant;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                return Interpolation(interpolated, depth);

            case IInterpolatedStringHandlerCreationOperation { Content: IInterpolatedStringOperation handled }:
                return Interpolation(handled, depth); // StringBuilder.Append($"…"), string.Create(provider, $"…")

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Concatenation(new[] { binary.LeftOperand, binary.RightOperand }, depth);

            case IConditionalOperation conditional when conditional.WhenFalse != null:
                return Either(
                    new[] { conditional.WhenTrue, conditional.WhenFalse }.Where(arm => !AllowListGuards.IsVettedArm(conditional, arm, IsAllowListTable, cancellationToken)),
                    depth);

            case ICoalesceOperation coalesce:
                return Either(new[] { coalesce.Value, coalesce.WhenNull }, depth);

            case IConditionalAccessOperation access:
                return Judge(access.WhenNotNull, depth + 1); // a?.b is b or nothing

            case ISwitchExpressionOperation switchExpression:
                return Either(switchExpression.Arms.Select(a => a.Value), depth);

            case IInvocationOperation invocation:
                return Invocation(invocation, depth);

            case ILocalReferenceOperation local when IsStringList(local.Type):
                return ListContent(local, depth);

            case ILocalReferenceOperation local:
                var assigned = Local(local, depth);
                return assigned.Origin != SqlOrigin.Constant && AllowListGuards.IsGuarded(local, local.Local, IsAllowListTable, cancellationToken)
                    ? SqlTextVerdict.Constant
                    : assigned;

            case IParameterReferenceOperation parameter when AllowListGuards.IsGuarded(parameter, parameter.Parameter, IsAllowListTable, cancellationToken):
                return SqlTextVerdict.Constant;

            case IParameterReferenceOperation parameter when vettedElements.Contains(parameter.Parameter):
                return SqlTextVerdict.Constant;

            case IParameterReferenceOperation parameter when arguments.TryGetValue(parameter.Parameter, out var passed):
                return Judge(passed, depth + 1);

            case IFieldReferenceOperation field when field.Field.IsReadOnly:
                return ReadOnlyField(field.Field, operation, depth);

            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when IsAllowListTable(indexer.Instance):
            case IArrayElementReferenceOperation element when IsAllowListTable(element.ArrayReference):
                return SqlTextVerdict.Constant;

            case IPropertyReferenceOperation { Property: var property } when IsCodeName(property):
                return SqlTextVerdict.Constant;

            case IPropertyReferenceOperation when ConfigurationValues.IsConfiguration(operation, ConstructorAssignments):
                return SqlTextVerdict.Constant;

            case IPropertyReferenceOperation { Property: var named } when operation.SemanticModel is { } model &&
                                                                         ConstantProperties.ReturnsOnlyLiterals(named, model.Compilation, cancellationToken):
                return SqlTextVerdict.Constant;

            default:
                return SqlTextVerdict.Opaque;
        }
    }

    /// <summary>
    /// The name of a type or member through reflection — <c>typeof(T).Name</c> of a generic repository, a property's
    /// <c>Name</c> from <c>GetProperties()</c> or an expression's <c>Member.Name</c> — or a property of an attribute
    /// (<c>GetCustomAttribute&lt;TableAttribute&gt;()?.Name</c>, whose arguments C# requires to be constants): an
    /// identifier written in code, which no input can change.
    /// </summary>
    private static bool IsCodeName(IPropertySymbol property) =>
        property.Name is "Name" or "FullName" &&
        property.ContainingType is { Name: "MemberInfo" or "Type" } declaring &&
        declaring.ContainingNamespace?.ToDisplayString() is "System.Reflection" or "System" ||
        property.ContainingType.IsOrDerivesFrom("Attribute", "System");

    /// <summary>
    /// An identifier quoted for the database — <c>DbCommandBuilder.QuoteIdentifier</c> (SqlClient, Npgsql, Sqlite), EF
    /// Core's <c>ISqlGenerationHelper.DelimitIdentifier</c>, or a project's own <c>QuoteIdentifier</c>/
    /// <c>EscapeIdentifier</c> helper: the way to splice a name, which no parameter can carry, and what the message asks for.
    /// </summary>
    private static bool QuotesIdentifier(IMethodSymbol method) =>
        method.Name is "QuoteIdentifier" or "DelimitIdentifier" or "EscapeIdentifier" && method.ReturnType.SpecialType == SpecialType.System_String;

    private SqlTextVerdict Interpolation(IInterpolatedStringOperation interpolated, int depth)
    {
        foreach (var part in interpolated.Parts)
        {
            if (HoleOf(part) is { } hole && !IsSafePiece(hole, depth))
            {
                return SqlTextVerdict.Built(hole);
            }
        }

        return SqlTextVerdict.Constant;
    }

    /// <summary>The value of an interpolation hole: <c>{x}</c> of a string, or the AppendFormatted(x) a handler gets for it.</summary>
    private static IOperation? HoleOf(IInterpolatedStringContentOperation part) => part switch
    {
        IInterpolationOperation hole => hole.Expression,
        IInterpolatedStringAppendOperation { Kind: OperationKind.InterpolatedStringAppendFormatted, AppendCall: IInvocationOperation { Arguments.Length: > 0 } call } =>
            call.Arguments[0].Value,
        _ => null,
    };

    /// <summary>A piece spliced into SQL: safe when constant, typed so it cannot carry SQL, or sanitised.</summary>
    private bool IsSafePiece(IOperation piece, int depth) => Judge(piece, depth + 1).Origin == SqlOrigin.Constant;

    private SqlTextVerdict Concatenation(IEnumerable<IOperation> pieces, int depth)
    {
        foreach (var piece in pieces)
        {
            var verdict = Judge(piece, depth + 1);
            if (verdict.Origin == SqlOrigin.Built)
            {
                return verdict;
            }

            if (verdict.Origin == SqlOrigin.Opaque)
            {
                return SqlTextVerdict.Built(piece.WithoutConversions());
            }
        }

        return SqlTextVerdict.Constant;
    }

    /// <summary>
    /// A template filled with values (<c>template.Replace("{schema}", value)</c>, <c>string.Format(template, …)</c>): the
    /// template is judged as the SQL itself would be — a text received from elsewhere (a file, a resource, a parameter)
    /// is not built here —, and what the call adds is judged piece by piece, so a safe value in a loaded template is
    /// not a finding and the message names the value that is not safe rather than the template.
    /// </summary>
    private SqlTextVerdict Filled(IOperation template, IEnumerable<IOperation> values, int depth)
    {
        var text = Judge(template, depth + 1);
        if (text.Origin == SqlOrigin.Built)
        {
            return text;
        }

        var added = Concatenation(values, depth);
        return added.Origin == SqlOrigin.Constant ? text : added;
    }

    private SqlTextVerdict Either(IEnumerable<IOperation> candidates, int depth)
    {
        var result = SqlTextVerdict.Constant;
        foreach (var candidate in candidates)
        {
            var verdict = Judge(candidate, depth + 1);
            if (verdict.Origin == SqlOrigin.Built)
            {
                return verdict;
            }

            if (verdict.Origin == SqlOrigin.Opaque)
            {
                result = SqlTextVerdict.Opaque;
            }
        }

        return result;
    }

    private SqlTextVerdict Invocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        if (isSanitizer(method) || QuotesIdentifier(method) || ConfigurationValues.IsConfiguration(invocation, ConstructorAssignments))
        {
            return SqlTextVerdict.Constant;
        }

        if (method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic &&
            (method.Name == "Format" || method.Name == "Concat" || method.Name == "Join"))
        {
            // string.Join(",", ids) of numbers: the IN-list idiom; every element formats without quotes or keywords.
            var pieces = FormatPieces(invocation);
            if (method.Name == "Format")
            {
                var all = pieces.ToList();
                return all.Count == 0 ? SqlTextVerdict.Opaque : Filled(all[0], all.Skip(1), depth);
            }

            // So does a read-only table of constant names (static readonly string[] Columns = { "Id", "Name" }).
            return Concatenation(method.Name == "Join" ? pieces.Where(p => !ElementsCannotCarrySql(p.WithoutConversions().Type) && !IsAllowListTable(p)) : pieces, depth);
        }

        // The text of FormattableString.Invariant($"…"), string.Create(culture, $"…") and template.Replace(…, value) is
        // what goes into them.
        if (method.IsStatic && invocation.Arguments.Length > 0 &&
            ((method.Name is "Invariant" or "CurrentCulture" && method.ContainingType?.Name == "FormattableString" && method.ContainingNamespace?.Name == "System") ||
             (method.Name == "Create" && method.ContainingType?.SpecialType == SpecialType.System_String &&
              invocation.Arguments[invocation.Arguments.Length - 1].Value.WithoutConversions() is IInterpolatedStringHandlerCreationOperation)))
        {
            return Judge(invocation.Arguments[invocation.Arguments.Length - 1].Value, depth + 1);
        }

        // ids.Select((_, i) => "@p" + i): the placeholders of an IN list, joined into the text; judged by what the
        // selector returns (a lambda written here; a method group is not looked into). The element it is given is as
        // safe as the sequence: Columns.Select(c => $"[{c}]") of a table of constant names quotes only those names.
        if (IsEnumerable(method) && method.Name == "Select" && invocation.Arguments.Length == 2 &&
            invocation.Arguments[1].Value.WithoutConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation selector })
        {
            var element = selector.Symbol.Parameters.Length > 0 && Sequence(invocation.Arguments[0].Value, depth).Origin == SqlOrigin.Constant
                ? selector.Symbol.Parameters[0]
                : null;
            if (element != null && !vettedElements.Add(element))
            {
                element = null;
            }

            try
            {
                return Either(selector.Body.Descendants().OfType<IReturnOperation>().Where(r => r.ReturnedValue != null && !InsideNestedFunction(r, selector)).Select(r => r.ReturnedValue!), depth);
            }
            finally
            {
                if (element != null)
                {
                    vettedElements.Remove(element);
                }
            }
        }

        // names.ToArray(), props.Where(…).ToList(): copying, filtering or ordering a sequence adds no element to it, so
        // typeof(T).GetProperties().Select(p => p.Name).ToArray() holds code names as the Select does.
        if (IsEnumerable(method) && invocation.Arguments.Length > 0 && method.Name is "ToArray" or "ToList" or "ToHashSet" or "AsEnumerable" or "Where" or
                "Distinct" or "Order" or "OrderBy" or "OrderByDescending" or "Skip" or "Take")
        {
            return Sequence(invocation.Arguments[0].Value, depth);
        }

        if (method.Name == "Replace" && !method.IsStatic && invocation.Instance != null &&
            method.ContainingType?.SpecialType == SpecialType.System_String)
        {
            return Filled(invocation.Instance, invocation.Arguments.Where(a => a.Parameter?.Name is "newValue" or "newChar").Select(a => a.Value), depth);
        }

        // A case change, trim or cut of a text adds nothing to it: it carries SQL exactly when the text does
        // (dir.ToString().ToUpperInvariant() of an enum does not).
        if (!method.IsStatic && invocation.Instance != null && method.ContainingType?.SpecialType == SpecialType.System_String &&
            method.Name is "ToUpper" or "ToLower" or "ToUpperInvariant" or "ToLowerInvariant" or "Trim" or "TrimStart" or "TrimEnd" or "Substring")
        {
            return Judge(invocation.Instance, depth + 1);
        }

        if (IsModelName(method))
        {
            return SqlTextVerdict.Constant;
        }

        if (method.Name == "ToString" && invocation.Instance != null)
        {
            if (CannotCarrySql(invocation.Instance.Type))
            {
                return SqlTextVerdict.Constant;
            }

            if (invocation.Instance.Type.IsType(symbols.StringBuilder) && invocation.Instance.WithoutConversions() is ILocalReferenceOperation builder)
            {
                return StringBuilderContent(builder, depth);
            }
        }

        return Builder(invocation, depth) ?? SqlTextVerdict.Opaque;
    }

    private static bool IsEnumerable(IMethodSymbol method) =>
        method.IsStatic && method.ContainingType?.Name == "Enumerable" && method.ContainingNamespace?.ToDisplayString() == "System.Linq";

    /// <summary>The elements of a sequence: safe when they cannot carry SQL, come from an allow-list table, or are judged safe.</summary>
    private SqlTextVerdict Sequence(IOperation source, int depth) =>
        ElementsCannotCarrySql(source.WithoutConversions().Type) || IsAllowListTable(source)
            ? SqlTextVerdict.Constant
            : Judge(source, depth + 1);

    /// <summary>
    /// A method of this file that returns SQL it puts together (<c>private string BuildSearch(SearchModel m)</c>): judged
    /// by what it returns, as if written at the call, its parameters read as the call's arguments — so
    /// <c>Qualified("Orders")</c> is as constant as the text it is given. Another file's method is not read (RS1030).
    /// </summary>
    private SqlTextVerdict? Builder(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        var model = invocation.SemanticModel;
        if (model == null || method.ReturnType.SpecialType != SpecialType.System_String || method.IsAbstract || method.IsVirtual ||
            method.IsExtern || method.DeclaringSyntaxReferences.Length != 1 || method.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree ||
            !following.Add(method))
        {
            return null;
        }

        var passed = new List<IParameterSymbol>();
        try
        {
            if (model.GetOperation(method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), cancellationToken) is not { } body)
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                // An optional parameter left out is its default value: an implicit argument the call holds all the same.
                if (argument.Parameter != null && !arguments.ContainsKey(argument.Parameter.OriginalDefinition))
                {
                    arguments[argument.Parameter.OriginalDefinition] = argument.Value;
                    passed.Add(argument.Parameter.OriginalDefinition);
                }
            }

            var returned = body.Descendants().OfType<IReturnOperation>()
                .Where(r => r.ReturnedValue != null && !InsideNestedFunction(r, body))
                .Select(r => r.ReturnedValue!)
                .ToList();
            return returned.Count == 0 ? null : Either(returned, depth);
        }
        finally
        {
            foreach (var parameter in passed)
            {
                arguments.Remove(parameter);
            }

            following.Remove(method);
        }
    }

    private static bool InsideNestedFunction(IOperation operation, IOperation function)
    {
        for (var current = operation.Parent; current != null && current != function; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The arguments of string.Format/Concat/Join that end up in the text (not the IFormatProvider), params unrolled.</summary>
    private static IEnumerable<IOperation> FormatPieces(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.Name == "IFormatProvider")
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    yield return element;
                }
            }
            else
            {
                yield return argument.Value;
            }
        }
    }

    private SqlTextVerdict Local(ILocalReferenceOperation reference, int depth)
    {
        var model = reference.SemanticModel;
        if (model == null || !following.Add(reference.Local))
        {
            return SqlTextVerdict.Constant; // a local used in its own writes (sql = sql + ...): judged by the other pieces
        }

        try
        {
            if (!LocalAssignments.TryGetValues(reference.Local, model, out var values, cancellationToken, reference.Syntax))
            {
                return IsReadFromAllowListTable(reference.Local, model) ? SqlTextVerdict.Constant : SqlTextVerdict.Opaque;
            }

            var result = SqlTextVerdict.Constant;
            foreach (var value in values)
            {
                var verdict = Judge(value.Value, depth + 1);
                if (verdict.Origin == SqlOrigin.Built || (value.Compound && verdict.Origin == SqlOrigin.Opaque))
                {
                    return verdict.Origin == SqlOrigin.Built ? verdict : SqlTextVerdict.Built(value.Value.WithoutConversions());
                }

                if (verdict.Origin == SqlOrigin.Opaque)
                {
                    result = SqlTextVerdict.Opaque;
                }
            }

            return result;
        }
        finally
        {
            following.Remove(reference.Local);
        }
    }

    /// <summary>What was appended to a local StringBuilder anywhere in its scope (constructor text included).</summary>
    private SqlTextVerdict StringBuilderContent(ILocalReferenceOperation builder, int depth)
    {
        var model = builder.SemanticModel;
        var local = builder.Local;
        if (model == null || local.DeclaringSyntaxReferences.Length != 1 || !following.Add(local))
        {
            return SqlTextVerdict.Opaque;
        }

        try
        {
            var declarator = local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            var scope = declarator.Ancestors().FirstOrDefault(n => n is BlockSyntax or CompilationUnitSyntax);
            if (scope == null)
            {
                return SqlTextVerdict.Opaque;
            }

            // new StringBuilder(text): the text it starts with (a capacity is not text), and the appends chained on it
            // there (new StringBuilder("SELECT …").Append(name)).
            if (declarator is VariableDeclaratorSyntax { Initializer.Value: { } initial })
            {
                var chained = SyntaxFilters.Unparenthesized(initial);
                while (chained is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax chain } call && IsAppendName(chain.Name.Identifier.ValueText))
                {
                    if (model.GetOperation(call, cancellationToken) is not IInvocationOperation append || !append.TargetMethod.ContainingType.IsType(symbols.StringBuilder))
                    {
                        return SqlTextVerdict.Opaque;
                    }

                    if (Appended(append, depth) is { } verdict)
                    {
                        return verdict;
                    }

                    chained = SyntaxFilters.Unparenthesized(chain.Expression);
                }

                if (model.GetOperation(chained, cancellationToken)?.WithoutConversions() is IObjectCreationOperation creation)
                {
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && Judge(argument.Value, depth + 1) is { Origin: not SqlOrigin.Constant } verdict)
                        {
                            return verdict.Origin == SqlOrigin.Built ? verdict : SqlTextVerdict.Built(argument.Value.WithoutConversions());
                        }
                    }
                }
            }

            foreach (var call in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not MemberAccessExpressionSyntax member || !IsAppendName(member.Name.Identifier.ValueText) ||
                    RootIdentifier(member.Expression) != local.Name ||
                    model.GetOperation(call, cancellationToken) is not IInvocationOperation append ||
                    !append.TargetMethod.ContainingType.IsType(symbols.StringBuilder))
                {
                    continue;
                }

                if (Appended(append, depth) is { } verdict)
                {
                    return verdict;
                }
            }

            return SqlTextVerdict.Constant;
        }
        finally
        {
            following.Remove(local);
        }
    }

    /// <summary>The verdict on the text one StringBuilder append adds, or null when it adds only constant text.</summary>
    private SqlTextVerdict? Appended(IInvocationOperation append, int depth)
    {
        foreach (var argument in append.Arguments)
        {
            var type = argument.Parameter?.Type;
            if (type == null || argument.IsImplicit || (type.SpecialType == SpecialType.System_Int32 && argument.Parameter!.Name != "value") ||
                type.Name == "IFormatProvider")
            {
                continue; // Insert(index, ...), Append(char, repeatCount), AppendFormat(culture, ...): not text
            }

            var verdict = Judge(argument.Value, depth + 1);
            if (verdict.Origin != SqlOrigin.Constant)
            {
                return verdict.Origin == SqlOrigin.Built ? verdict : SqlTextVerdict.Built(argument.Value.WithoutConversions());
            }
        }

        return null;
    }

    /// <summary>A <c>List&lt;string&gt;</c> local: the clauses of the dynamic-filter idiom, joined into the SQL.</summary>
    private static bool IsStringList(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "List", Arity: 1, ContainingNamespace.Name: "Generic" } list &&
        list.TypeArguments[0].SpecialType == SpecialType.System_String;

    /// <summary>
    /// What a local <c>List&lt;string&gt;</c> holds, when every use of it in its scope is seen: created empty or with
    /// constant items, then only added to (<c>Add</c>, <c>Insert</c>), counted, cleared or read. Any other use — passed
    /// to a method, stored, assigned — may put anything in it.
    /// </summary>
    private SqlTextVerdict ListContent(ILocalReferenceOperation list, int depth)
    {
        var model = list.SemanticModel;
        var local = list.Local;
        if (model == null || local.DeclaringSyntaxReferences.Length != 1 || !following.Add(local) ||
            local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator)
        {
            return SqlTextVerdict.Opaque;
        }

        try
        {
            var scope = declarator.Ancestors().FirstOrDefault(n => n is BlockSyntax or CompilationUnitSyntax);
            var created = model.GetOperation(initial, cancellationToken)?.WithoutConversions();
            if (scope == null || created == null || !StartsSafe(created, depth))
            {
                return SqlTextVerdict.Opaque;
            }

            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != local.Name)
                {
                    continue;
                }

                if (identifier.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" or "Clear" or "Add" or "Insert" } member &&
                    member.Expression == identifier)
                {
                    if (member.Parent is InvocationExpressionSyntax call && member.Name.Identifier.ValueText is "Add" or "Insert" &&
                        (model.GetOperation(call, cancellationToken) is not IInvocationOperation added ||
                         added.Arguments.Any(a => a.Parameter?.Type.SpecialType == SpecialType.System_String && !IsSafePiece(a.Value, depth))))
                    {
                        return SqlTextVerdict.Opaque;
                    }

                    continue;
                }

                // Read by string.Join, a count (clauses.Any()) or a query (columns.Select(…)): the list itself is not changed there.
                if (identifier.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Select" or "Where" or "Any" or "Contains" or "ToArray" or "AsEnumerable" } query &&
                    query.Expression == identifier)
                {
                    continue;
                }

                if (identifier.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax reader } &&
                    SyntaxFilters.InvokedName(reader) is "Join" or "Any" or "Count")
                {
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    continue; // another variable of the same name
                }

                return SqlTextVerdict.Opaque;
            }

            return SqlTextVerdict.Constant;
        }
        finally
        {
            following.Remove(local);
        }
    }

    /// <summary>
    /// A list created empty or with constant items, or copied from a safe sequence
    /// (<c>typeof(T).GetProperties().Select(p => p.Name).ToList()</c>).
    /// </summary>
    private bool StartsSafe(IOperation created, int depth) => created is IObjectCreationOperation { Constructor.Parameters.Length: 0 } creation
        ? creation.Initializer == null || creation.Initializer.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 } add && IsSafePiece(add.Arguments[0].Value, depth))
        : created is IInvocationOperation && Judge(created, depth + 1).Origin == SqlOrigin.Constant;

    private static bool IsAppendName(string name) => name is "Append" or "AppendLine" or "AppendFormat" or "Insert" or "Replace" or "AppendJoin";

    private static string? RootIdentifier(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case InvocationExpressionSyntax call:
                    expression = call.Expression;
                    break;
                case MemberAccessExpressionSyntax member:
                    expression = member.Expression;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>A read-only field whose initializer (in this file) is safe: <c>static readonly string Table = "Orders";</c>.</summary>
    private SqlTextVerdict ReadOnlyField(IFieldSymbol field, IOperation use, int depth)
    {
        var initializer = FieldInitializer(field, use);
        if (initializer == null && ConstructorAssignments(field, use) is { } assigned)
        {
            if (!following.Add(field))
            {
                return SqlTextVerdict.Opaque;
            }

            try
            {
                return assigned.All(value => Judge(value, depth + 1).Origin == SqlOrigin.Constant) ? SqlTextVerdict.Constant : SqlTextVerdict.Opaque;
            }
            finally
            {
                following.Remove(field);
            }
        }

        if (initializer == null)
        {
            // Another file (its semantic model is out of reach, RS1030): text spelled out in literals is still readable.
            return field.DeclaringSyntaxReferences.Length == 1 &&
                   field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } text } &&
                   WriteConstants.LiteralText(text) != null
                ? SqlTextVerdict.Constant
                : SqlTextVerdict.Opaque;
        }

        if (!following.Add(field))
        {
            return SqlTextVerdict.Opaque;
        }

        try
        {
            return Judge(initializer, depth + 1).Origin == SqlOrigin.Constant ? SqlTextVerdict.Constant : SqlTextVerdict.Opaque;
        }
        finally
        {
            following.Remove(field);
        }
    }

    /// <summary>
    /// An allow-list table: a read-only field or local initialised in this file with only constant strings — e.g.
    /// <c>static readonly Dictionary&lt;string, string&gt; SortColumns = new() { ["name"] = "Name" }</c>; any value read from
    /// it is one of those constants.
    /// </summary>
    private bool IsAllowListTable(IOperation? table)
    {
        if (table?.WithoutConversions() is not IFieldReferenceOperation { Field.IsReadOnly: true } reference ||
            FieldInitializerSyntax(reference.Field, table) is not { } initializer)
        {
            return false;
        }

        var model = table.SemanticModel!;
        return symbols.AllowLists.IsTable(reference.Field, initializer, () => HoldsOnlyConstantText(model.GetOperation(initializer, cancellationToken)));
    }

    private static bool HoldsOnlyConstantText(IOperation? initializer)
    {
        if (initializer == null)
        {
            return false;
        }

        foreach (var descendant in initializer.DescendantsAndSelf())
        {
            if (descendant.ConstantValue.HasValue || descendant.Type?.SpecialType != SpecialType.System_String)
            {
                continue; // comparers, capacities and other non-text arguments do not end up in the SQL
            }

            switch (descendant)
            {
                case IPropertyReferenceOperation property when property.Parent is ISimpleAssignmentOperation set && set.Target == property:
                    continue; // ["key"] = "value": the indexer being initialised, not a value
                case IInvocationOperation or IParameterReferenceOperation or ILocalReferenceOperation or IFieldReferenceOperation or
                    IPropertyReferenceOperation or IInterpolatedStringOperation or IBinaryOperation or IConditionalOperation:
                    return false;
            }
        }

        return true;
    }

    /// <summary><c>SortColumns.TryGetValue(key, out var column)</c>: the out variable holds one of the table's constants.</summary>
    private bool IsReadFromAllowListTable(ILocalSymbol local, SemanticModel model)
    {
        if (local.DeclaringSyntaxReferences.Length != 1 ||
            local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not SingleVariableDesignationSyntax designation ||
            designation.Parent?.Parent is not ArgumentSyntax argument ||
            argument.Parent?.Parent is not InvocationExpressionSyntax call ||
            model.GetOperation(call, cancellationToken) is not IInvocationOperation { TargetMethod.Name: "TryGetValue" } tryGetValue)
        {
            return false;
        }

        return IsAllowListTable(tryGetValue.Instance);
    }

    /// <summary>
    /// The values the constructors give a read-only field without an initializer (<c>table = "Orders";</c>,
    /// <c>this.table = typeof(T).Name;</c>) — the only places such a field can be written — when the whole type is in the
    /// file of <paramref name="use"/> (RS1030 keeps other files' semantic models out of reach) and at least one is
    /// found; null otherwise.
    /// </summary>
    private List<IOperation>? ConstructorAssignments(IFieldSymbol field, IOperation use)
    {
        var model = use.SemanticModel;
        if (model == null || field.IsStatic || field.ContainingType.DeclaringSyntaxReferences.Any(r => r.SyntaxTree != model.SyntaxTree))
        {
            return null;
        }

        var values = new List<IOperation>();
        foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var constructor in reference.GetSyntax(cancellationToken).ChildNodes().OfType<ConstructorDeclarationSyntax>())
            {
                foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    var target = assignment.Left is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member ? member.Name : assignment.Left;
                    if (target is IdentifierNameSyntax { Identifier.ValueText: var name } && name == field.Name)
                    {
                        if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || model.GetOperation(assignment.Right, cancellationToken) is not { } value)
                        {
                            return null; // table += …, or nothing to judge
                        }

                        values.Add(value);
                    }
                }
            }
        }

        return values.Count > 0 ? values : null;
    }

    private IOperation? FieldInitializer(IFieldSymbol field, IOperation? use) =>
        FieldInitializerSyntax(field, use) is { } initializer ? use!.SemanticModel!.GetOperation(initializer, cancellationToken) : null;

    /// <summary>The field's initializer when it is written in the file of <paramref name="use"/> (the semantic model at hand).</summary>
    private ExpressionSyntax? FieldInitializerSyntax(IFieldSymbol field, IOperation? use)
    {
        var model = use?.SemanticModel;
        if (model == null || field.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (declaration.SyntaxTree != model.SyntaxTree || declaration is not VariableDeclaratorSyntax { Initializer: { } initializer })
        {
            return null; // another file: RS1030 forbids asking the compilation for its semantic model
        }

        return initializer.Value;
    }

    /// <summary>An array or sequence of values that <see cref="CannotCarrySql"/>: <c>int[]</c>, <c>List&lt;Guid&gt;</c>.</summary>
    private bool ElementsCannotCarrySql(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return CannotCarrySql(array.ElementType);
        }

        if (type is not INamedTypeSymbol named || named.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        foreach (var candidate in named.AllInterfaces.Add(named))
        {
            if (candidate.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return CannotCarrySql(candidate.TypeArguments[0]);
            }
        }

        return false;
    }

    /// <summary>
    /// A name of EF Core's model: <c>db.Model.FindEntityType(typeof(Order)).GetTableName()</c>, a column's or schema's
    /// name. The model is code (entity classes, configuration, attributes), not input, so the name is the developer's
    /// as much as a literal is — the generic "TRUNCATE TABLE {table}" of test clean-ups and repository base classes.
    /// </summary>
    private static bool IsModelName(IMethodSymbol method) =>
        method.Name is "GetTableName" or "GetSchema" or "GetColumnName" or "GetColumnBaseName" or "GetViewName" or "GetViewSchema" or
            "GetSchemaQualifiedTableName" or "GetSchemaQualifiedViewName" or "GetDefaultTableName" or "GetDefaultSchema" or "GetDefaultColumnName" &&
        method.ContainingType?.Name.StartsWith("Relational", StringComparison.Ordinal) == true &&
        method.ContainingNamespace?.ToDisplayString() == "Microsoft.EntityFrameworkCore";

    /// <summary>
    /// Numbers, booleans, Guids, enums, dates and times format without quotes or keywords: they cannot change a statement
    /// (a date's text depends on the culture, which may break the query, not inject into it).
    /// </summary>
    private bool CannotCarrySql(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type == null)
        {
            return false;
        }

        if (type.TypeKind == TypeKind.Enum || type.IsType(symbols.Guid))
        {
            return true;
        }

        if (type.Name is "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" &&
            type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_DateTime:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
                return true;
            default:
                return false;
        }
    }

    private string? Sketch(IOperation value, SqlSinkKind kind, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value?.ToString() ?? string.Empty;
        }

        var operation = value.WithoutConversions();
        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue.Value?.ToString() ?? string.Empty;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                var text = new StringBuilder();
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation literal:
                            text.Append(literal.Text.ConstantValue.Value as string);
                            break;
                        case IInterpolationOperation hole:
                            // [{typeof(T).Name}]: the code quotes the name itself, so it is not quoted again (]] would escape).
                            var quoted = text.Length > 0 && text[text.Length - 1] is '[' or '"' or '`';
                            text.Append(kind == SqlSinkKind.Parameterised ? "@p" : HoleText(hole.Expression, depth, quoted));
                            break;
                    }
                }

                return text.ToString();

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                var left = Sketch(binary.LeftOperand, SqlSinkKind.Raw, depth + 1) ?? SqlWriteScope.Hole.ToString();
                var right = Sketch(binary.RightOperand, SqlSinkKind.Raw, depth + 1) ?? SqlWriteScope.Hole.ToString();
                return left + right;

            // string.Format("DELETE FROM {0}", table), string.Concat("DELETE FROM ", table): the text with its holes.
            case IInvocationOperation { TargetMethod: { Name: "Format" or "Concat", ContainingType.SpecialType: SpecialType.System_String } } call:
                return SketchOfFormat(call, depth);

            // static readonly string PurgeOrders = "DELETE FROM Orders"; — here or in another file, spelled in literals.
            case IFieldReferenceOperation { Field.IsReadOnly: true, Field.DeclaringSyntaxReferences.Length: 1 } field
                when field.Field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initial }:
                return WriteConstants.LiteralText(initial);

            case ILocalReferenceOperation local when local.SemanticModel != null && following.Add(local.Local):
                try
                {
                    return LocalAssignments.TryGetValues(local.Local, local.SemanticModel, out var values, cancellationToken, local.Syntax)
                        ? SketchOfWrites(values, local.Syntax, kind, depth)
                        : null;
                }
                finally
                {
                    following.Remove(local.Local);
                }

            default:
                return CannotCarrySql(operation.Type) ? "0" : null;
        }
    }

    /// <summary>
    /// The text a local holds at <paramref name="read"/> on its shortest path: one written value, followed by the
    /// <c>+=</c> appends that run on every path to the read (statements of a block that holds it). An append under a
    /// condition or in a loop may not run — <c>var sql = "DELETE FROM Orders"; if (archived) sql += " WHERE …";</c> is
    /// unbounded when it does not — so it is left out. Null when the local has other writes.
    /// </summary>
    private string? SketchOfWrites(List<AssignedValue> values, SyntaxNode read, SqlSinkKind kind, int depth)
    {
        if (values.Count == 0 || values[0].Compound || values.Skip(1).Any(v => !v.Compound))
        {
            return null;
        }

        var text = Sketch(values[0].Value, kind, depth + 1);
        foreach (var append in values.Skip(1))
        {
            if (text == null)
            {
                return null;
            }

            if (append.Value.Syntax.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax block } statement } &&
                block.Span.Contains(read.Span) && statement.Span.End <= read.SpanStart)
            {
                text += Sketch(append.Value, SqlSinkKind.Raw, depth + 1) ?? SqlWriteScope.Hole.ToString();
            }
        }

        return text;
    }

    /// <summary>
    /// The text string.Concat or string.Format makes: each argument's sketch (or a hole) in its place; a format item
    /// whose argument is not known here (a params array passed whole) is a hole. Null when the format text is not known
    /// or is not a valid composite format (it would throw).
    /// </summary>
    private string? SketchOfFormat(IInvocationOperation call, int depth)
    {
        var pieces = FormatPieces(call).ToList();
        var opaque = call.Arguments.Any(a => a.ArgumentKind == ArgumentKind.ParamArray && a.Value is not IArrayCreationOperation { Initializer: not null });
        string Piece(int index) =>
            opaque || index >= pieces.Count ? SqlWriteScope.Hole.ToString() : Sketch(pieces[index], SqlSinkKind.Raw, depth + 1) ?? SqlWriteScope.Hole.ToString();

        if (call.TargetMethod.Name == "Concat")
        {
            return opaque ? null : string.Concat(Enumerable.Range(0, pieces.Count).Select(Piece));
        }

        if (pieces.Count == 0 || Sketch(pieces[0], SqlSinkKind.Raw, depth + 1) is not { } format)
        {
            return null;
        }

        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                text.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = format.IndexOf('}', i);
                var item = end < 0 ? string.Empty : format.Substring(i + 1, end - i - 1);
                var digits = item.TakeWhile(char.IsDigit).Count();
                if (digits == 0 || !int.TryParse(item.Substring(0, digits), out var index))
                {
                    return null;
                }

                text.Append(Piece(index + 1));
                i = end;
            }
            else if (c == '}')
            {
                return null;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private string HoleText(IOperation hole, int depth, bool quoted)
    {
        if (hole.ConstantValue.HasValue)
        {
            return hole.ConstantValue.Value?.ToString() ?? string.Empty;
        }

        // A local holding one known text (var table = "Users") is that text. A name the code spells without a known text
        // (typeof(T).Name, a model's table name, a field the constructors set) is one identifier, never a clause: shown as
        // a quoted name, so DELETE FROM {typeof(T).Name} is a delete of a whole table. Anything else is spliced in unseen.
        return Sketch(hole, SqlSinkKind.Raw, depth + 1) ??
            (Judge(hole, depth + 1).Origin == SqlOrigin.Constant && !quoted ? "[" + SqlWriteScope.Hole + "]" : SqlWriteScope.Hole.ToString());
    }
}
