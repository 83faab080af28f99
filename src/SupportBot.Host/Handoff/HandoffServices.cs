using Microsoft.Extensions.Options;
using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;
using SupportBot.Host.Composition;

namespace SupportBot.Host.Handoff;

/// <summary>Registers the handoff: the ticket desk agents act through, the user's side of tickets in the router,
/// the queue advisor with the business hours (section <c>Support</c>), live ticket events, the on-call alert and
/// the job that closes resolved tickets once their reopen window has passed.</summary>
internal static class HandoffServices
{
    public static IServiceCollection AddSupportHandoff(this IServiceCollection services)
    {
        services.AddOptions<SupportOptions>()
            .BindConfiguration(SupportOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TicketEvents>();
        services.AddSingleton<TicketDesk>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SupportOptions>>().Value;
            try
            {
                return BusinessHours.Parse(options.BusinessHours, sp.GetRequiredService<IOptions<EngineOptions>>().Value.TimeZone);
            }
            catch (ArgumentException ex)
            {
                throw new StartupException("Configuration error: " + ex.Message, ex);
            }
        });
        services.AddSingleton(sp => new QueueAdvisor(
            sp.GetRequiredService<ITicketStore>(),
            sp.GetRequiredService<DialogCatalog>(),
            sp.GetRequiredService<IOptions<SupportOptions>>().Value,
            sp.GetRequiredService<BusinessHours>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new UserTickets(
            sp.GetRequiredService<ITicketStore>(),
            sp.GetRequiredService<DialogCatalog>(),
            sp.GetRequiredService<IOptions<SupportOptions>>().Value,
            sp.GetRequiredService<QueueAdvisor>()));
        services.AddSingleton<IOnCallAlert, LoggedOnCallAlert>();
        services.AddSingleton(sp => new RouterHandoff(
            sp.GetRequiredService<UserTickets>(),
            sp.GetRequiredService<QueueAdvisor>(),
            sp.GetRequiredService<TicketEvents>(),
            sp.GetService<IAttachmentStore>(),
            sp.GetService<IOnCallAlert>()));
        services.AddHostedService<ResolvedTicketCloser>();
        return services;
    }
}
