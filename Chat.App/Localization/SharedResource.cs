namespace Chat.App.Localization;

/// <summary>
/// The words many components use (Cancel, Save, Close...), in SharedResource.resx and SharedResource.es.resx:
/// <c>@inject IStringLocalizer&lt;SharedResource&gt; Shared</c>. A word of one component goes in that component's own
/// resources instead.
/// </summary>
public sealed class SharedResource
{
    private SharedResource()
    {
    }
}
