using Microsoft.Extensions.Options;

namespace OrleansGenres.Host.Configuration;

/// <summary>Runs a settings class's own checks at start-up and reports every problem at once.</summary>
public sealed class SettingsValidator<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var errors = validate(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
