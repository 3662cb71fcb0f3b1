using System.Text;
using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Files between two people in two browsers: a pasted and a dropped picture live with thumbnails, a PDF downloaded.</summary>
public sealed class LiveAttachmentTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    /// <summary>Builds a DataTransfer holding one PNG, as a paste or a drop from the desktop would bring.</summary>
    private const string TransferScript = """
        ([base64, name]) => {
          const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], name, { type: "image/png" }));
          return transfer;
        }
        """;

    [BrowserFact]
    public async Task PastedAndDroppedPictures_AppearLiveWithThumbnails_AndTheViewerClosesWithEscape()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        var composer = pageA.ComposerBox();
        await composer.ExpectKeysReadyAsync();
        await Expect(pageA.Locator("input[type=file][data-tray=ready]")).ToHaveCountAsync(1);
        var picture = Convert.ToBase64String(TestImages.Png(120, 80));

        // A pastes a screenshot into the box, writes a line and sends.
        await composer.FocusAsync();
        await pageA.EvaluateAsync(
            $$"""
            ([base64, name]) => {
              const transfer = ({{TransferScript}})([base64, name]);
              document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
            }
            """,
            new[] { picture, "pasted.png" });
        await ExpectUploadedAsync(pageA, "pasted.png");
        await composer.FillAsync("Look at this");
        await composer.PressAsync("Enter");
        await Expect(composer).ToHaveValueAsync("");
        await Expect(pageA.GetByRole(AriaRole.List, new() { Name = "Files to send" })).ToHaveCountAsync(0);

        var pastedOnB = pageB.Message("Look at this").GetByRole(AriaRole.Img, new() { Name = "pasted.png" });
        await Expect(pastedOnB).ToBeVisibleAsync();
        await ExpectLoadedAsync(pastedOnB);

        // A drops a picture onto the channel and sends it without any text.
        var transfer = await pageA.EvaluateHandleAsync(TransferScript, new[] { picture, "dropped.png" });
        await pageA.DispatchEventAsync("[role=log]", "dragover", new { dataTransfer = transfer });
        await pageA.DispatchEventAsync("[role=log]", "drop", new { dataTransfer = transfer });
        await ExpectUploadedAsync(pageA, "dropped.png");
        await composer.PressAsync("Enter");

        var droppedOnB = pageB.MessageLog().GetByRole(AriaRole.Img, new() { Name = "dropped.png" });
        await Expect(droppedOnB).ToBeVisibleAsync();
        await ExpectLoadedAsync(droppedOnB);
        await Expect(droppedOnB).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^thumbnails/\\d+$"));

        // B opens the full picture; Escape closes it and gives the focus back to the thumbnail.
        var open = pageB.MessageLog().GetByRole(AriaRole.Link, new() { Name = "Open picture dropped.png" });
        await open.ClickAsync();
        var viewer = pageB.Locator("dialog.picture-viewer");
        await Expect(viewer).ToBeVisibleAsync();
        await ExpectLoadedAsync(viewer.Locator("img"));
        await Expect(viewer.Locator("img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^files/\\d+/dropped\\.png$"));
        await pageB.Keyboard.PressAsync("Escape");
        await Expect(viewer).ToBeHiddenAsync();
        await Expect(open).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task Pdf_ChosenWithTheButton_ShowsAsACardAndDownloadsAsAnAttachment()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        var composer = pageA.ComposerBox();
        await composer.ExpectKeysReadyAsync();

        await pageA.GetByLabel("Attach files").SetInputFilesAsync(new FilePayload { Name = "minutes.pdf", MimeType = "application/pdf", Buffer = pdf });
        await ExpectUploadedAsync(pageA, "minutes.pdf");
        await composer.FillAsync("Minutes attached");
        await composer.PressAsync("Enter");

        var card = pageB.Message("Minutes attached").GetByRole(AriaRole.Link, new() { Name = "minutes.pdf" });
        await Expect(card).ToContainTextAsync($"PDF · {pdf.Length} B");
        var download = await pageB.RunAndWaitForDownloadAsync(() => card.ClickAsync());
        Assert.Equal("minutes.pdf", download.SuggestedFilename);
        Assert.Equal(pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));

        // What the browser was told: a download of the stored type, not to be sniffed, in a sandbox.
        var response = await pageB.APIRequest.GetAsync(download.Url);
        Assert.StartsWith("attachment", response.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        Assert.Contains("sandbox", response.Headers["content-security-policy"], StringComparison.Ordinal);
    }

    private static async Task ExpectUploadedAsync(IPage page, string name)
    {
        var item = page.GetByRole(AriaRole.List, new() { Name = "Files to send" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = name });
        await Expect(item).ToBeVisibleAsync();
        await Expect(item.Locator(".upload-size")).ToBeVisibleAsync();
    }

    /// <summary>The picture arrived and decoded in the browser (a refused or broken one has no natural width).</summary>
    private static async Task ExpectLoadedAsync(ILocator image)
    {
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await image.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the picture did not decode");
    }
}
