using SupportBot.Host.Api.Wire;

namespace SupportBot.Host.Api;

/// <summary>The routes with their OpenAPI metadata: names, summaries, bodies and every status code they answer.</summary>
internal static class TicketRoutes
{
    private const string Json = "application/json";

    public static void Map(RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets").WithTags("Tickets");
        tickets.MapGet("", TicketReadEndpoints.ListAsync)
            .WithName("ListTickets")
            .WithSummary("The queue, filtered and paged")
            .WithDescription("Urgent first, then oldest first. Filters: status (comma-separated or repeated), "
                + "priority, channel, category (problem id), assignee (agent name) or unassigned=true; limit 1–500 "
                + "(default 100), offset.")
            .Produces<TicketListDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        tickets.MapGet("/{number:long}", TicketReadEndpoints.GetAsync)
            .WithName("GetTicket")
            .WithSummary("A ticket with its redacted transcript, internal notes and history")
            .Produces<TicketViewDto>(StatusCodes.Status200OK);
        tickets.MapPost("/{number:long}/replies", TicketActionEndpoints.ReplyAsync)
            .WithName("ReplyToTicket")
            .WithSummary("Send a reply to the user's chat, signed with an agent's name and code")
            .WithDescription("Claims an unassigned ticket for the agent. 409 when another agent has it; 422 when the "
                + "outbound guard finds the text asks for (or holds) a seed phrase, private key, code or password.")
            .Accepts<ReplyRequest>(Json)
            .Produces<TicketDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        tickets.MapPost("/{number:long}/suggested-reply", SuggestedReplyEndpoint.SuggestAsync)
            .WithName("SuggestReply")
            .WithSummary("The optional AI's draft reply to the user, for an agent to edit; nothing is sent")
            .WithDescription("Written from the redacted transcript and the matching knowledge-base passages, in the "
                + "ticket's language, and checked by the outbound guard and the secret scanner. Send it with the "
                + "replies route. 503 when the AI is off (AI:Enabled) or gave no usable draft.")
            .Produces<SuggestedReplyDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        tickets.MapPost("/{number:long}/status", TicketActionEndpoints.StatusAsync)
            .WithName("SetTicketStatus")
            .WithSummary("Move the ticket through its life cycle")
            .WithDescription("new → assigned → waiting_on_user → resolved → closed; resolving asks the user for a "
                + "rating. 409 when the ticket cannot go there from its current status.")
            .Accepts<StatusRequest>(Json)
            .Produces<TicketDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{number:long}/assignment", TicketActionEndpoints.AssignmentAsync)
            .WithName("AssignTicket")
            .WithSummary("Assign the ticket to an agent (whoever has it now), or unassign it with null")
            .Accepts<AssignmentRequest>(Json)
            .Produces<TicketDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{number:long}/priority", TicketActionEndpoints.PriorityAsync)
            .WithName("SetTicketPriority")
            .WithSummary("Change the priority")
            .Accepts<PriorityRequest>(Json)
            .Produces<TicketDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        tickets.MapPost("/{number:long}/notes", TicketActionEndpoints.NoteAsync)
            .WithName("AddTicketNote")
            .WithSummary("Add an internal note (never shown to the user)")
            .WithDescription("422 when the note contains a pasted secret: secrets are never stored.")
            .Accepts<NoteRequest>(Json)
            .Produces<TicketDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/canned", TicketReadEndpoints.Canned)
            .WithTags("Canned replies")
            .WithName("ListCannedReplies")
            .WithSummary("The canned replies from dialogs/canned.yaml in one language (locale=zh-CN or en, default en)")
            .Produces<CannedListDto>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
