using Microsoft.Extensions.Options;

namespace PolicyBot.Sources;

/// <summary>Validates the configured <c>Sources</c> at start-up, naming the item and key that are wrong.</summary>
public sealed class SourcesOptionsValidator(SourceDefinitionValidator validator) : IValidateOptions<SourcesOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var failures = new List<string>();
        var urls = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Items.Count; i++)
        {
            var item = options.Items[i];
            failures.AddRange(validator.Validate(item).Select(p => $"Sources:{i}:{p}"));
            if (!urls.Add(item.Url))
            {
                failures.Add($"Sources:{i}:Url '{item.Url}': listed twice");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
