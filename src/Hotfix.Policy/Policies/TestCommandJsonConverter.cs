using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotfix.Policy.Policies;

/// <summary>A test command in the policy: a string (split by <see cref="TestCommandLine"/>) or an array of strings; written back as it was given.</summary>
internal sealed class TestCommandJsonConverter : JsonConverter<TestCommand>
{
    public const string ExpectedForm = "a command: an array of strings such as [\"npm\", \"run\", \"test\", \"--\", \"--grep\", \"{feature}\"], or a string such as \"npm run test -- --grep {feature}\"";

    public override TestCommand Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return TestCommand.FromText(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected {ExpectedForm}");
        }

        var words = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            words.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"expected {ExpectedForm}"));
        }

        return TestCommand.FromArguments(words);
    }

    public override void Write(Utf8JsonWriter writer, TestCommand value, JsonSerializerOptions options)
    {
        if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
            return;
        }

        writer.WriteStartArray();
        foreach (var word in value.Arguments)
        {
            writer.WriteStringValue(word);
        }

        writer.WriteEndArray();
    }
}
