using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PolicyBot.Tests.Slack;

/// <summary>
/// A JSON Schema validator for the keywords Slack's manifest schema uses (draft-07 subset): <c>$ref</c> (local
/// <c>#/definitions/…</c>), <c>type</c>, <c>properties</c>, <c>patternProperties</c>, <c>additionalProperties</c>,
/// <c>required</c>, <c>items</c>, <c>minItems</c>/<c>maxItems</c>, <c>uniqueItems</c>, <c>minLength</c>/<c>maxLength</c>,
/// <c>pattern</c>, <c>enum</c>, <c>anyOf</c>, <c>minProperties</c>/<c>maxProperties</c>. Annotations (<c>title</c>,
/// <c>description</c>, <c>default</c>, <c>format</c>) and the schema's non-standard <c>regex</c>/<c>requires</c> are not
/// assertions and are skipped. Any other keyword fails loudly, so an unsupported rule is never silently passed.
/// </summary>
public sealed class JsonSchemaSubsetValidator(JsonObject schema)
{
    private static readonly HashSet<string> Skipped = ["$schema", "title", "description", "default", "format", "_note", "regex", "requires", "definitions", "examples"];

    /// <summary>Every violation, as "path: message"; empty when <paramref name="instance"/> is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(schema, instance, "$", errors);
        return errors;
    }

    private void Check(JsonObject rule, JsonNode? value, string path, List<string> errors)
    {
        foreach (var (keyword, argument) in rule)
        {
            switch (keyword)
            {
                case "$ref":
                    Check(Resolve(argument!.GetValue<string>()), value, path, errors);
                    break;
                case "type":
                    var types = argument is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [argument!.GetValue<string>()];
                    if (!types.Any(t => IsType(value, t)))
                    {
                        errors.Add($"{path}: expected {string.Join("|", types)}, got {Kind(value)}");
                    }

                    break;
                case "properties":
                    if (value is JsonObject props)
                    {
                        foreach (var (name, sub) in argument!.AsObject())
                        {
                            if (props.ContainsKey(name))
                            {
                                Check(sub!.AsObject(), props[name], $"{path}.{name}", errors);
                            }
                        }
                    }

                    break;
                case "patternProperties":
                    if (value is JsonObject patterned)
                    {
                        foreach (var (pattern, sub) in argument!.AsObject())
                        {
                            foreach (var (name, item) in patterned.Where(p => Regex.IsMatch(p.Key, pattern)))
                            {
                                Check(sub!.AsObject(), item, $"{path}.{name}", errors);
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    if (value is JsonObject extra)
                    {
                        var known = rule["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                        var patterns = rule["patternProperties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
                        foreach (var (name, item) in extra.Where(p => !known.Contains(p.Key) && !patterns.Any(r => Regex.IsMatch(p.Key, r))))
                        {
                            if (argument is JsonValue allowed && allowed.GetValueKind() == JsonValueKind.False)
                            {
                                errors.Add($"{path}: property '{name}' is not allowed");
                            }
                            else if (argument is JsonObject sub)
                            {
                                Check(sub, item, $"{path}.{name}", errors);
                            }
                        }
                    }

                    break;
                case "required":
                    if (value is JsonObject present)
                    {
                        errors.AddRange(argument!.AsArray().Select(r => r!.GetValue<string>()).Where(r => !present.ContainsKey(r)).Select(r => $"{path}: '{r}' is required"));
                    }

                    break;
                case "items":
                    if (value is JsonArray list)
                    {
                        for (var i = 0; i < list.Count; i++)
                        {
                            Check(argument!.AsObject(), list[i], $"{path}[{i}]", errors);
                        }
                    }

                    break;
                case "minItems" or "maxItems":
                    if (value is JsonArray counted && (keyword == "minItems" ? counted.Count < argument!.GetValue<int>() : counted.Count > argument!.GetValue<int>()))
                    {
                        errors.Add($"{path}: {counted.Count} items breaks {keyword} {argument}");
                    }

                    break;
                case "uniqueItems":
                    if (value is JsonArray unique && argument!.GetValue<bool>() && unique.Select(u => u?.ToJsonString()).Distinct().Count() != unique.Count)
                    {
                        errors.Add($"{path}: items are not unique");
                    }

                    break;
                case "minProperties" or "maxProperties":
                    if (value is JsonObject sized && (keyword == "minProperties" ? sized.Count < argument!.GetValue<int>() : sized.Count > argument!.GetValue<int>()))
                    {
                        errors.Add($"{path}: {sized.Count} properties breaks {keyword} {argument}");
                    }

                    break;
                case "minLength" or "maxLength":
                    if (value is JsonValue s && s.TryGetValue<string>(out var text)
                        && (keyword == "minLength" ? text.Length < argument!.GetValue<int>() : text.Length > argument!.GetValue<int>()))
                    {
                        errors.Add($"{path}: length {text.Length} breaks {keyword} {argument}");
                    }

                    break;
                case "pattern":
                    if (value is JsonValue p && p.TryGetValue<string>(out var matched) && !Regex.IsMatch(matched, argument!.GetValue<string>()))
                    {
                        errors.Add($"{path}: '{matched}' does not match {argument}");
                    }

                    break;
                case "enum":
                    if (!argument!.AsArray().Any(e => JsonNode.DeepEquals(e, value)))
                    {
                        errors.Add($"{path}: {value?.ToJsonString()} is not one of {argument.ToJsonString()}");
                    }

                    break;
                case "anyOf":
                    if (!argument!.AsArray().Any(option => { var trial = new List<string>(); Check(option!.AsObject(), value, path, trial); return trial.Count == 0; }))
                    {
                        errors.Add($"{path}: matches none of anyOf");
                    }

                    break;
                default:
                    if (!Skipped.Contains(keyword))
                    {
                        throw new NotSupportedException($"Schema keyword '{keyword}' at {path} is not supported by this validator.");
                    }

                    break;
            }
        }
    }

    private JsonObject Resolve(string reference)
    {
        const string prefix = "#/definitions/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local definitions are supported: {reference}");
        }

        return schema["definitions"]![reference[prefix.Length..]]!.AsObject();
    }

    private static bool IsType(JsonNode? value, string type) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "integer" => value is JsonValue i && i.GetValueKind() == JsonValueKind.Number && i.TryGetValue<long>(out _),
        "number" => value is JsonValue n && n.GetValueKind() == JsonValueKind.Number,
        "null" => value is null,
        _ => throw new NotSupportedException($"type {type}"),
    };

    private static string Kind(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "?",
    };
}
