using System.Text.Json;
using System.Xml.Linq;

namespace Hotfix.Migrations.Formats;

/// <summary>
/// A changelog element whatever format it came in (XML element, YAML/JSON mapping): a name, scalar attributes, child
/// elements and text. Liquibase's XML, YAML and JSON changelogs all read into this one shape.
/// </summary>
internal sealed class TreeNode(string name, int line)
{
    public string Name { get; } = name;

    public int Line { get; } = line;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<TreeNode> Children { get; } = [];

    public string? Text { get; set; }

    /// <summary>An attribute, or the text of a child element of that name (XML's &lt;where&gt;…&lt;/where&gt;).</summary>
    public string? Get(string key) =>
        Attributes.TryGetValue(key, out var value) ? value
        : Children.FirstOrDefault(c => c.Name.Equals(key, StringComparison.OrdinalIgnoreCase))?.Text;

    public IEnumerable<TreeNode> All(string childName) => Children.Where(c => c.Name.Equals(childName, StringComparison.OrdinalIgnoreCase));

    public static TreeNode FromXml(XElement element)
    {
        var node = new TreeNode(element.Name.LocalName, ((System.Xml.IXmlLineInfo)element).LineNumber);
        foreach (var attribute in element.Attributes())
        {
            node.Attributes[attribute.Name.LocalName] = attribute.Value;
        }

        foreach (var child in element.Elements())
        {
            node.Children.Add(FromXml(child));
        }

        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        node.Text = text.Length == 0 ? null : text;
        return node;
    }

    /// <summary>A JSON value: objects whose single key names an element become that element (Liquibase's convention).</summary>
    public static TreeNode FromJson(string name, JsonElement value)
    {
        var node = new TreeNode(name, 0);
        Fill(node, value);
        return node;
    }

    private static void Fill(TreeNode node, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        var child = new TreeNode(property.Name, 0);
                        Fill(child, property.Value);
                        node.Children.Add(child);
                    }
                    else
                    {
                        node.Attributes[property.Name] = property.Value.ToString();
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.EnumerateObject().Count() == 1)
                    {
                        var only = item.EnumerateObject().First();
                        var child = new TreeNode(only.Name, 0);
                        if (only.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        {
                            Fill(child, only.Value);
                        }
                        else
                        {
                            child.Text = only.Value.ToString();
                        }

                        node.Children.Add(child);
                    }
                    else if (item.ValueKind is JsonValueKind.Object)
                    {
                        var child = new TreeNode("item", 0);
                        Fill(child, item);
                        node.Children.Add(child);
                    }
                }

                break;
            default:
                node.Text = value.ToString();
                break;
        }
    }
}

/// <summary>
/// Reads the block-style YAML subset changelogs are written in (mappings, sequences of mappings, plain/quoted scalars,
/// <c>|</c>/<c>&gt;</c> block scalars) into <see cref="TreeNode"/>s, with the same conventions as JSON. Tolerant: what
/// it cannot place is skipped.
/// </summary>
internal static class MiniYaml
{
    public static TreeNode Parse(string text)
    {
        var lines = text.Replace("\r", string.Empty).Split('\n');
        var root = new TreeNode("root", 1);
        var index = 0;
        ParseBlock(lines, ref index, -1, root);
        return root;
    }

    private static void ParseBlock(string[] lines, ref int k, int parentIndent, TreeNode node)
    {
        while (k < lines.Length)
        {
            var raw = lines[k];
            var content = StripComment(raw);
            if (content.Trim().Length == 0 || content.TrimStart().StartsWith("---", StringComparison.Ordinal))
            {
                k++;
                continue;
            }

            var indent = content.Length - content.TrimStart().Length;
            if (indent <= parentIndent)
            {
                return;
            }

            var line = content.Trim();
            if (line.StartsWith("- ", StringComparison.Ordinal) || line == "-")
            {
                // A sequence item: "- key: value" starts a mapping whose first key names the element.
                var itemIndent = indent + 2;
                var rest = line.Length > 1 ? line[2..].Trim() : string.Empty;
                var itemLine = k + 1;
                k++;
                if (rest.Length == 0)
                {
                    var anonymous = new TreeNode("item", itemLine);
                    ParseBlock(lines, ref k, indent, anonymous);
                    node.Children.Add(anonymous);
                    continue;
                }

                var (key, value) = SplitKey(rest);
                if (key is null)
                {
                    node.Children.Add(new TreeNode("item", itemLine) { Text = Unquote(rest) });
                    continue;
                }

                var element = new TreeNode(key, itemLine);
                if (value.Length == 0)
                {
                    ParseBlock(lines, ref k, indent, element);
                }
                else if (value is "|" or ">" or "|-" or ">-")
                {
                    element.Text = BlockScalar(lines, ref k, indent);
                }
                else
                {
                    // "- id: 1" followed by sibling keys at the item's indentation: an anonymous mapping.
                    var mapping = new TreeNode("item", itemLine);
                    mapping.Attributes[key] = Unquote(value);
                    ParseBlock(lines, ref k, itemIndent - 1, mapping);
                    node.Children.Add(mapping);
                    continue;
                }

                node.Children.Add(element);
                continue;
            }

            var (name, scalar) = SplitKey(line);
            k++;
            if (name is null)
            {
                continue;
            }

            if (scalar.Length == 0)
            {
                var child = new TreeNode(name, k);
                ParseBlock(lines, ref k, indent, child);
                node.Children.Add(child);
            }
            else if (scalar is "|" or ">" or "|-" or ">-" or "|+")
            {
                node.Attributes[name] = BlockScalar(lines, ref k, indent);
            }
            else
            {
                node.Attributes[name] = Unquote(scalar);
            }
        }
    }

    private static string BlockScalar(string[] lines, ref int k, int parentIndent)
    {
        var body = new List<string>();
        while (k < lines.Length)
        {
            var line = lines[k];
            var indent = line.Length - line.TrimStart().Length;
            if (line.Trim().Length > 0 && indent <= parentIndent)
            {
                break;
            }

            body.Add(line.Trim().Length == 0 ? string.Empty : line.TrimStart());
            k++;
        }

        return string.Join('\n', body).Trim();
    }

    private static (string? Key, string Value) SplitKey(string line)
    {
        var inQuote = '\0';
        for (var k = 0; k < line.Length; k++)
        {
            var c = line[k];
            if (inQuote != '\0')
            {
                if (c == inQuote)
                {
                    inQuote = '\0';
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                inQuote = c;
            }
            else if (c == ':' && (k + 1 == line.Length || line[k + 1] == ' '))
            {
                return (Unquote(line[..k].Trim()), line[(k + 1)..].Trim());
            }
        }

        return (null, line);
    }

    private static string StripComment(string line)
    {
        var inQuote = '\0';
        for (var k = 0; k < line.Length; k++)
        {
            var c = line[k];
            if (inQuote != '\0')
            {
                inQuote = c == inQuote ? '\0' : inQuote;
            }
            else if (c is '"' or '\'')
            {
                inQuote = c;
            }
            else if (c == '#' && (k == 0 || line[k - 1] == ' '))
            {
                return line[..k];
            }
        }

        return line;
    }

    private static string Unquote(string value)
    {
        var v = value.Trim();
        return v.Length >= 2 && (v[0] == '"' && v[^1] == '"' || v[0] == '\'' && v[^1] == '\'') ? v[1..^1] : v;
    }
}
