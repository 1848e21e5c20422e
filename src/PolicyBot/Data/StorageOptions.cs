using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Data;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>A Microsoft.Data.Sqlite connection string; the default is a file under <c>data/</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=data/policybot.db";
}
