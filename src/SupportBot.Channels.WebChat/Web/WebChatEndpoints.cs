using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SupportBot.Channels.WebChat.Conversations;
using SupportBot.Channels.WebChat.Protocol;
using SupportBot.Channels.WebChat.Tokens;

namespace SupportBot.Channels.WebChat.Web;

/// <summary>The Direct Line 3.0 routes under <c>/v3/directline</c> and the host's own token route.</summary>
public static class WebChatEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        var dl = app.MapGroup("/v3/directline").WithTags("Direct Line");
        dl.MapPost("/tokens/generate", GenerateAsync).WithName("DirectLineGenerateToken");
        dl.MapPost("/tokens/refresh", Refresh).WithName("DirectLineRefreshToken");
        dl.MapPost("/conversations", StartAsync).WithName("DirectLineStartConversation");
        dl.MapGet("/conversations/{id}", Reconnect).WithName("DirectLineReconnect");
        dl.MapGet("/conversations/{id}/activities", GetActivities).WithName("DirectLineGetActivities");
        dl.MapPost("/conversations/{id}/activities", PostActivityAsync).WithName("DirectLinePostActivity");
        dl.MapPost("/conversations/{id}/upload", UploadAsync).WithName("DirectLineUpload");
        dl.MapGet("/conversations/{id}/stream", StreamEndpoint.RunAsync).WithName("DirectLineStream");
        dl.MapGet("/conversations/{id}/attachments/{file}", GetAttachment).WithName("DirectLineAttachment");

        // The host's own pages (widget, /webchat-ms) get their token here. POST /webchat/token, no body:
        //   200 {"conversationId":"…","token":"…","expires_in":1800,"userId":"dl_…"}
        // With "Authorization: Bearer <an earlier token>" (even expired, within DirectLine:ResumeWindow) the new
        // token is for the same conversation and user, so a reloaded page resumes. 429 + Retry-After per address.
        app.MapPost("/webchat/token", WebChatTokenAsync).WithTags("Direct Line").WithName("WebChatToken");
    }

    private static async Task<IResult> GenerateAsync(
        HttpContext context, DirectLineAuth auth, TokenService tokens, RateLimiter limiter,
        IOptions<DirectLineOptions> options)
    {
        var settings = options.Value;
        if (settings.Secret.Length == 0)
        {
            return DirectLineError.Of(StatusCodes.Status404NotFound, "BadArgument",
                "tokens/generate is off: DirectLine:Secret is not set.");
        }

        if (IpLimited(context, limiter, settings) is { } limited)
        {
            return limited;
        }

        var bearer = DirectLineAuth.Bearer(context.Request);
        if (bearer is null)
        {
            return DirectLineError.MissingAuthorization();
        }

        if (!auth.IsSecret(bearer))
        {
            return DirectLineError.InvalidToken();
        }

        var (body, problem) = await ReadOptionalJsonAsync(context.Request, settings.MaxActivityBytes);
        if (problem is not null)
        {
            return problem;
        }

        var requested = body?.User;
        var userId = requested is not null && requested.StartsWith("dl_", StringComparison.Ordinal) && Ids.IsValid(requested)
            ? requested
            : Ids.NewUser();
        var conversationId = Ids.New();
        return TypedResults.Ok(new TokenResponse(
            conversationId, tokens.Issue(conversationId, userId, settings.TokenLifetime), Seconds(settings.TokenLifetime)));
    }

    private static IResult Refresh(HttpContext context, DirectLineAuth auth, TokenService tokens, IOptions<DirectLineOptions> options)
    {
        var (error, claims) = auth.Check(context.Request, conversationId: null);
        if (error is not null)
        {
            return error;
        }

        if (claims is null)
        {
            return DirectLineError.BadArgument("A secret does not expire; only tokens are refreshed.");
        }

        var lifetime = options.Value.TokenLifetime;
        return TypedResults.Ok(new TokenResponse(
            claims.ConversationId, tokens.Issue(claims.ConversationId, claims.UserId, lifetime), Seconds(lifetime)));
    }

    private static async Task<IResult> StartAsync(
        HttpContext context, DirectLineAuth auth, TokenService tokens, ConversationLogStore logs, RateLimiter limiter,
        IOptions<DirectLineOptions> options)
    {
        var settings = options.Value;
        if (IpLimited(context, limiter, settings) is { } limited)
        {
            return limited;
        }

        var (error, claims) = auth.Check(context.Request, conversationId: null);
        if (error is not null)
        {
            return error;
        }

        var (body, problem) = await ReadOptionalJsonAsync(context.Request, settings.MaxActivityBytes);
        if (problem is not null)
        {
            return problem;
        }

        string conversationId, userId, token;
        if (claims is null)
        {
            conversationId = Ids.New();
            var requested = body?.User;
            userId = Ids.IsValid(requested) ? requested! : Ids.NewUser();
            token = tokens.Issue(conversationId, userId, settings.TokenLifetime);
        }
        else
        {
            (conversationId, userId) = (claims.ConversationId, claims.UserId);
            token = DirectLineAuth.Bearer(context.Request)!;
        }

        var (log, created) = await logs.StartAsync(conversationId, userId);
        if (body?.Locale is { } locale)
        {
            log.Locale = locale;
        }

        var response = new ConversationResponse(
            conversationId, token, Seconds(settings.TokenLifetime), StreamUrl(context.Request, conversationId, token, 0));
        return created
            ? TypedResults.Created((string?)null, response)
            : TypedResults.Ok(response);
    }

    private static IResult Reconnect(
        string id, HttpContext context, DirectLineAuth auth, TokenService tokens, ConversationLogStore logs,
        IOptions<DirectLineOptions> options)
    {
        var (error, claims) = auth.Check(context.Request, id);
        if (error is not null)
        {
            return error;
        }

        if (!Ids.IsValid(id) || logs.Find(id) is not { } log)
        {
            return DirectLineError.NotFound();
        }

        var lifetime = options.Value.TokenLifetime;
        var token = claims is null ? tokens.Issue(id, log.UserId, lifetime) : DirectLineAuth.Bearer(context.Request)!;
        var watermark = ParseWatermark(context.Request.Query["watermark"]);
        return TypedResults.Ok(new ConversationResponse(
            id, token, Seconds(lifetime), StreamUrl(context.Request, id, token, watermark)));
    }

    private static IResult GetActivities(string id, HttpContext context, DirectLineAuth auth, ConversationLogStore logs)
    {
        var (error, _) = auth.Check(context.Request, id);
        if (error is not null)
        {
            return error;
        }

        try
        {
            if (!Ids.IsValid(id) || logs.Find(id) is not { } log)
            {
                return DirectLineError.NotFound();
            }

            var watermark = ParseWatermark(context.Request.Query["watermark"]);
            var page = log.After(watermark, ActivitySet.MaxPerFrame);
            return Results.Bytes(ActivitySet.Frame(page, watermark), "application/json");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // DirectLineJS stops polling for good on any 5xx: answer an empty set and let the next poll try again.
            return Results.Bytes(ActivitySet.Frame([], null), "application/json");
        }
    }

    private static async Task<IResult> PostActivityAsync(
        string id, HttpContext context, DirectLineAuth auth, ConversationLogStore logs, ActivityIntake intake,
        RateLimiter limiter, IOptions<DirectLineOptions> options)
    {
        var settings = options.Value;
        var (error, claims) = auth.Check(context.Request, id);
        if (error is not null)
        {
            return error;
        }

        if (!Ids.IsValid(id) || logs.Find(id) is not { } log)
        {
            return DirectLineError.NotFound();
        }

        if (Limited(context, limiter, settings, id) is { } limited)
        {
            return limited;
        }

        var body = await RequestBody.ReadAsync(context.Request, settings.MaxActivityBytes, context.RequestAborted);
        if (body is null)
        {
            return DirectLineError.TooBig(settings.MaxActivityBytes);
        }

        if (PostedActivityReader.Parse(body, out var problem) is not { } posted)
        {
            return DirectLineError.BadArgument(problem!);
        }

        var userId = claims?.UserId ?? (Ids.IsValid(posted.FromId) ? posted.FromId! : log.UserId);
        var activityId = await intake.PostAsync(log, posted, userId);
        return TypedResults.Ok(new ResourceResponse(activityId));
    }

    private static async Task<IResult> UploadAsync(
        string id, HttpContext context, DirectLineAuth auth, ConversationLogStore logs, ActivityIntake intake,
        RateLimiter limiter, TokenService tokens, UploadKeeper keeper, IOptions<DirectLineOptions> options)
    {
        var settings = options.Value;
        var (error, claims) = auth.Check(context.Request, id);
        if (error is not null)
        {
            return error;
        }

        if (!Ids.IsValid(id) || logs.Find(id) is not { } log)
        {
            return DirectLineError.NotFound();
        }

        if (Limited(context, limiter, settings, id) is { } limited)
        {
            return limited;
        }

        UploadReader.Upload? upload;
        try
        {
            upload = await UploadReader.ReadAsync(context.Request, settings.MaxUploadBytes, context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return DirectLineError.BadArgument("The multipart body is malformed.");
        }

        if (upload is null)
        {
            return DirectLineError.TooBig(settings.MaxUploadBytes);
        }

        if (upload.Files.Count == 0)
        {
            return DirectLineError.BadArgument("No file in the upload.");
        }

        var posted = new PostedActivity();
        if (upload.Activity is { } part)
        {
            if (PostedActivityReader.Parse(part, out var problem) is not { } read)
            {
                return DirectLineError.BadArgument("The activity part: " + problem);
            }

            posted = read with { Type = "message" };
        }

        var locale = Core.Catalog.Locales.FromHint(posted.Locale ?? log.Locale) ?? Core.Catalog.Locales.Supported.English;
        var outcome = await keeper.KeepAsync(
            id, [.. upload.Files.Select(f => new UploadKeeper.Incoming(f.Name, f.Content))], locale,
            fileId => AttachmentUrl(context.Request, tokens, id, fileId));
        var queryUser = context.Request.Query["userId"].ToString();
        var userId = claims?.UserId ?? (Ids.IsValid(queryUser) ? queryUser : log.UserId);
        var activityId = await intake.PostAsync(log, posted, userId, outcome);
        return TypedResults.Ok(new ResourceResponse(activityId));
    }

    private static IResult GetAttachment(
        string id, string file, HttpContext context, DirectLineAuth auth, TokenService tokens, ConversationLogStore logs)
    {
        // An <img> cannot send a header: the link carries a signature minted for this conversation's file, or the
        // request carries a token of this conversation (header or t).
        if (!tokens.Verify(id + "/" + file, context.Request.Query["sig"].ToString()))
        {
            var (error, _) = auth.Check(context.Request, id, allowQuery: true);
            if (error is not null)
            {
                return error;
            }
        }

        // Only an image or a PDF (told from the bytes) is ever served, whatever an older version stored.
        if (!Ids.IsValid(id) || !Ids.IsValid(file) || logs.Database.GetUpload(id, file) is not { } upload
            || UploadTypes.Sniff(upload.Content) is not { } type)
        {
            return DirectLineError.Of(StatusCodes.Status404NotFound, "BadArgument", "Attachment not found.");
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, max-age=86400";
        return type.ContentType.StartsWith("image/", StringComparison.Ordinal)
            ? Results.Bytes(upload.Content, type.ContentType)
            : Results.File(upload.Content, "application/octet-stream", upload.Name);
    }

    private static async Task<IResult> WebChatTokenAsync(
        HttpContext context, TokenService tokens, RateLimiter limiter, IOptions<DirectLineOptions> options,
        TimeProvider time)
    {
        var settings = options.Value;
        if (IpLimited(context, limiter, settings) is { } limited)
        {
            return limited;
        }

        string conversationId, userId;
        if (DirectLineAuth.Bearer(context.Request) is { } earlier && tokens.Read(earlier) is { } claims
            && time.GetUtcNow() < claims.ExpiresAt + settings.ResumeWindow)
        {
            (conversationId, userId) = (claims.ConversationId, claims.UserId);
        }
        else
        {
            (conversationId, userId) = (Ids.New(), Ids.NewUser());
        }

        await Task.CompletedTask;
        return TypedResults.Ok(new WebChatTokenResponse(
            conversationId, tokens.Issue(conversationId, userId, settings.TokenLifetime), Seconds(settings.TokenLifetime), userId));
    }

    private static IResult? IpLimited(HttpContext context, RateLimiter limiter, DirectLineOptions settings)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return limiter.Hit("ip:" + address, settings.IpRatePerMinute) is { } wait
            ? DirectLineError.TooManyRequests(wait)
            : null;
    }

    private static IResult? Limited(HttpContext context, RateLimiter limiter, DirectLineOptions settings, string conversationId) =>
        IpLimited(context, limiter, settings)
        ?? (limiter.Hit("conv:" + conversationId, settings.RatePerMinute) is { } wait ? DirectLineError.TooManyRequests(wait) : null);

    /// <summary>The optional body of a token or start request (<c>{"user":{"id":…},"locale":…}</c>): null without a
    /// JSON body; a 400 (quoting nothing of the body) when it is not strict JSON.</summary>
    private static async Task<(StartBody? Body, IResult? Problem)> ReadOptionalJsonAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength is 0 || !(request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return (null, null);
        }

        var body = await RequestBody.ReadAsync(request, limit, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return (null, DirectLineError.TooBig(limit));
        }

        if (body.Length == 0)
        {
            return (null, null);
        }

        using var document = StrictJson.Parse(body, out var problem);
        if (document is null)
        {
            return (null, DirectLineError.BadArgument(problem!));
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, DirectLineError.BadArgument("The body must be a JSON object."));
        }

        var user = root.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object
            && u.TryGetProperty("id", out var uid) && uid.ValueKind == JsonValueKind.String ? uid.GetString() : null;
        var locale = root.TryGetProperty("locale", out var l) && l.ValueKind == JsonValueKind.String
            ? PostedActivityReader.NormalizeLocale(l.GetString())
            : null;
        return (new StartBody(user, locale), null);
    }

    private sealed record StartBody(string? User, string? Locale);

    private static long ParseWatermark(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : 0;

    private static int Seconds(TimeSpan span) => (int)span.TotalSeconds;

    private static string StreamUrl(HttpRequest request, string conversationId, string token, long watermark)
    {
        var scheme = request.Scheme == "https" ? "wss" : "ws";
        return $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{conversationId}/stream"
            + $"?watermark={watermark.ToString(CultureInfo.InvariantCulture)}&t={Uri.EscapeDataString(token)}";
    }

    private static string AttachmentUrl(HttpRequest request, TokenService tokens, string conversationId, string fileId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/{conversationId}/attachments/{fileId}"
        + "?sig=" + tokens.Sign(conversationId + "/" + fileId);
}
