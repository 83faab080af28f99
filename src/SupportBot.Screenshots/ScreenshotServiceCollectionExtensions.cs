using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Safety;

namespace SupportBot.Screenshots;

/// <summary>Registers the screenshot inspector the router reads every image with.</summary>
public static class ScreenshotServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ScreenshotInspector"/> as the <see cref="IImageInspector"/>, with options from the
    /// <c>Screenshots</c> section, and loads its OCR engines in the background at start.</summary>
    public static IServiceCollection AddSupportBotScreenshots(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ScreenshotOptions>()
            .Bind(configuration.GetSection(ScreenshotOptions.Section))
            .Validate(o => o.ReadWidth is >= 320 and <= 4096, "Screenshots:ReadWidth must be 320 to 4096 pixels.")
            .Validate(o => o.MaxPixels >= 1_000_000, "Screenshots:MaxPixels must be at least 1000000.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.QueueTimeout > TimeSpan.Zero, "Screenshots:Timeout and Screenshots:QueueTimeout must be positive.")
            .Validate(o => o.MaxConcurrentReads is >= 1 and <= 16, "Screenshots:MaxConcurrentReads must be 1 to 16.")
            .Validate(o => o.ThreadsPerRead is >= 1 and <= 16, "Screenshots:ThreadsPerRead must be 1 to 16.")
            .ValidateOnStart();
        services.AddSingleton<ScreenshotInspector>();
        services.AddSingleton<IImageInspector>(sp => sp.GetRequiredService<ScreenshotInspector>());
        services.AddHostedService<ScreenshotWarmUp>();
        return services;
    }
}
