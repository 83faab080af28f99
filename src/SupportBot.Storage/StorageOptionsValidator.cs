using Microsoft.Extensions.Options;

namespace SupportBot.Storage;

/// <summary>Rejects a configuration that names an unknown provider, no database path, no attachment folder or a
/// size limit that is not positive, with the configuration key
/// in the message so the operator knows what to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsSqlite(options) && !IsMemory(options))
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:Provider is '{options.Provider}'; allowed values are " +
                $"'{StorageOptions.SqliteProvider}' and '{StorageOptions.MemoryProvider}'.");
        }

        if (IsSqlite(options) && string.IsNullOrWhiteSpace(options.Sqlite.Path))
        {
            return ValidateOptionsResult.Fail($"{StorageOptions.SectionName}:Sqlite:Path must name a database file.");
        }

        if (string.IsNullOrWhiteSpace(options.Attachments.Path))
        {
            return ValidateOptionsResult.Fail($"{StorageOptions.SectionName}:Attachments:Path must name a folder.");
        }

        if (options.Attachments.MaxBytes <= 0)
        {
            return ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:Attachments:MaxBytes is {options.Attachments.MaxBytes}; it must be a " +
                "positive number of bytes.");
        }

        return ValidateOptionsResult.Success;
    }

    public static bool IsSqlite(StorageOptions options) =>
        string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase);

    public static bool IsMemory(StorageOptions options) =>
        string.Equals(options.Provider, StorageOptions.MemoryProvider, StringComparison.OrdinalIgnoreCase);
}
