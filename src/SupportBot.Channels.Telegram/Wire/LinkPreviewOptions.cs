namespace SupportBot.Channels.Telegram.Wire;

/// <summary>Link previews; we turn them off so a pasted address does not unfold.</summary>
internal sealed record LinkPreviewOptions(bool IsDisabled);
