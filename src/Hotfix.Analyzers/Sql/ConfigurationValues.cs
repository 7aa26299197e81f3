using System;
using System.Collections.Generic;
using Hotfix.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Hotfix.Analyzers.Sql;

/// <summary>
/// Text that comes from the application's own configuration: <c>configuration["Db:Schema"]</c>, <c>GetValue</c>,
/// <c>GetConnectionString</c>, a section's <c>Value</c>, a property of an options object (<c>IOptions&lt;T&gt;.Value</c>,
/// <c>IOptionsSnapshot&lt;T&gt;.Value</c>, <c>IOptionsMonitor&lt;T&gt;.CurrentValue</c> or <c>Get(name)</c>, nested
/// settings included), an environment variable. The operators write it, not a request: the schema of a schema-per-tenant
/// database or a table prefix spliced into SQL is no injection (taint analysers such as Sonar's S3649 do not count
/// configuration as a source either). An options object kept in a read-only field that every constructor sets from
/// <c>.Value</c> counts too.
/// </summary>
internal static class ConfigurationValues
{
    /// <param name="constructorAssignments">The values the constructors assign to a read-only field, or null when not known.</param>
    public static bool IsConfiguration(IOperation operation, Func<IFieldSymbol, IOperation, List<IOperation>?> constructorAssignments)
    {
        switch (operation.WithoutConversions())
        {
            case IInvocationOperation invocation:
                return IsConfigurationRead(invocation.TargetMethod);
            case IPropertyReferenceOperation { Property: var property } reference:
                if (IsConfigurationType(property.ContainingType) && (property.IsIndexer || property.Name == "Value"))
                {
                    return true; // configuration["Db:Schema"], configuration.GetSection("Db:Schema").Value
                }

                return !property.IsIndexer && reference.Instance != null && IsOptionsObject(reference.Instance, constructorAssignments, 0);
            default:
                return false;
        }
    }

    private static bool IsConfigurationRead(IMethodSymbol method)
    {
        var declaring = (method.ReducedFrom ?? method).ContainingType;
        if (method.Name == "GetEnvironmentVariable")
        {
            return declaring?.Name == "Environment" && declaring.ContainingNamespace?.ToDisplayString() == "System";
        }

        return method.Name is "GetValue" or "GetConnectionString" &&
            declaring?.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration";
    }

    /// <summary>An options object or a settings object inside one: what a property of it holds is configuration.</summary>
    private static bool IsOptionsObject(IOperation instance, Func<IFieldSymbol, IOperation, List<IOperation>?> constructorAssignments, int depth)
    {
        if (depth > 4)
        {
            return false;
        }

        switch (instance.WithoutConversions())
        {
            case IPropertyReferenceOperation { Property: { Name: "Value" or "CurrentValue" } property } when IsOptionsType(property.ContainingType):
                return true;
            case IInvocationOperation { TargetMethod: { Name: "Get" } method } when IsOptionsType(method.ContainingType):
                return true;
            case IPropertyReferenceOperation { Property.IsIndexer: false, Instance: { } outer }:
                return IsOptionsObject(outer, constructorAssignments, depth + 1); // options.Value.Database.Schema
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field } use:
                return constructorAssignments(field, use) is { Count: > 0 } assigned &&
                    assigned.TrueForAll(value => IsOptionsObject(value, constructorAssignments, depth + 1));
            default:
                return false;
        }
    }

    private static bool IsOptionsType(INamedTypeSymbol? type) =>
        type is { Name: "IOptions" or "IOptionsSnapshot" or "IOptionsMonitor" } &&
        type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Options";

    private static bool IsConfigurationType(INamedTypeSymbol? type) =>
        type is { Name: "IConfiguration" or "IConfigurationRoot" or "IConfigurationSection" or "IConfigurationManager" or "ConfigurationManager" } &&
        type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration";
}
