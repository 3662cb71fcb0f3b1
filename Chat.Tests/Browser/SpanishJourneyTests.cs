using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// A visitor whose browser asks for Spanish (Accept-Language: es-AR) uses Chat from the first page on: registers,
/// creates a server, sends, edits and deletes a message, and invites someone (also Spanish-speaking) who finds the
/// server by its name written without its accent or in capitals, and accepts from the inbox. Everything is found by
/// its Spanish name, and no English word of the interface shows on the way.
/// </summary>
public sealed class SpanishJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task Journey_InASpanishBrowser_SpeaksSpanishFromRegisteringToAnAcceptedInvitation()
    {
        await using var anaContext = await SpanishContextAsync();
        await using var benContext = await SpanishContextAsync();
        var (ana, ben) = (await anaContext.NewPageAsync(), await benContext.NewPageAsync());
        var (anaUser, benUser) = (TestUser.Create("ana") with { DisplayName = "Ana Díaz" }, TestUser.Create("ben") with { DisplayName = "Benjamín Ruiz" });
        var server = TwoUsers.UniqueServerName("Canción");
        var suffix = server["Canción".Length..];
        var english = new List<string>();

        await ana.GotoAsync("account/register");
        await Expect(ana.Locator("html")).ToHaveAttributeAsync("lang", "es");
        english.AddRange(await EnglishWords.FindAsync(ana, "registro"));
        await ana.FillRegistrationAsync(anaUser);
        await ana.ExpectShellAsync();
        await Expect(ana.GetByText("Todavía no estás en ningún servidor")).ToBeVisibleAsync();
        english.AddRange(await EnglishWords.FindAsync(ana, "recién registrada"));
        await ben.RegisterAsync(benUser);
        await ben.ExpectShellAsync();

        await ana.CreateServerAsync(server, "Dibujo y pintura");
        await Expect(ana.Snackbar($"{server} está listo.")).ToBeVisibleAsync();
        await Expect(ana.GetByText("Todavía no hay mensajes")).ToBeVisibleAsync();
        await ana.SendMessageAsync("Hola a todos");
        var message = ana.Message("Hola a todos");
        await message.ShowActionsAsync();
        await message.GetByRole(AriaRole.Button, new() { Name = "Editar mensaje" }).ClickAsync();
        var editor = ana.MessageLog().GetByRole(AriaRole.Textbox, new() { Name = "Editar mensaje" });
        await editor.ExpectKeysReadyAsync();
        await Expect(ana.MessageLog()).ToContainTextAsync("Enter para guardar");
        await editor.FillAsync("Hola a todas y todos");
        await editor.PressAsync("Enter");
        await Expect(editor).ToBeHiddenAsync();
        var edited = ana.Message("Hola a todas y todos");
        await Expect(edited.GetByRole(AriaRole.Button, new() { Name = "(editado)" })).ToBeVisibleAsync();
        english.AddRange(await EnglishWords.FindAsync(ana, "canal con un mensaje editado"));

        await edited.ShowActionsAsync();
        await edited.GetByRole(AriaRole.Button, new() { Name = "Eliminar mensaje" }).ClickAsync();
        var confirm = ana.GetByRole(AriaRole.Dialog, new() { Name = "Eliminar mensaje" });
        await Expect(confirm).ToContainTextAsync("¿Eliminar este mensaje? Esto no se puede deshacer.");
        english.AddRange(await EnglishWords.FindAsync(ana, "confirmar la eliminación"));
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Eliminar", Exact = true }).ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();
        await Expect(edited).ToHaveCountAsync(0);

        // "canción" is found as "cancion" and as "CANCIÓN", on every database (the names' folded search column).
        await ben.SearchServersAsync("cancion" + suffix);
        await Expect(ben.SearchResult(server)).ToContainTextAsync("1 miembro");
        await ben.SearchServersAsync("CANCIÓN" + suffix.ToUpperInvariant());
        await Expect(ben.SearchResult(server)).ToBeVisibleAsync();
        english.AddRange(await EnglishWords.FindAsync(ben, "búsqueda de servidores"));

        var invite = await ana.OpenInviteDialogAsync();
        await invite.GetByRole(AriaRole.Textbox, new() { Name = "Nombre de usuario" }).FillAsync(benUser.UserName);
        await invite.GetByRole(AriaRole.Button, new() { Name = "Enviar invitación" }).ClickAsync();
        await Expect(ana.Snackbar($"Invitación enviada a {benUser.UserName}.")).ToBeVisibleAsync();
        english.AddRange(await EnglishWords.FindAsync(ana, "diálogo de invitación"));
        await invite.GetByRole(AriaRole.Button, new() { Name = "Cerrar", Exact = true }).ClickAsync();

        var inbox = await ben.OpenInboxAsync();
        await Expect(inbox).ToContainTextAsync($"te invitó a {server}");
        english.AddRange(await EnglishWords.FindAsync(ben, "bandeja con una invitación"));
        await inbox.GetByRole(AriaRole.Button, new() { Name = $"Aceptar la invitación a {server}" }).ClickAsync();

        await Expect(inbox).ToContainTextAsync("Aceptaste.");
        await Expect(ben.ServerRail().GetByRole(AriaRole.Link, new() { Name = server })).ToBeVisibleAsync();
        await Expect(ana.MemberList()).ToContainTextAsync(benUser.DisplayName);
        english.AddRange(await EnglishWords.FindAsync(ben, "invitación aceptada"));

        // On his phone too, the newcomer says hello and reads the answer as it arrives.
        await using var phoneContext = await SpanishContextAsync(Screen.Phone);
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync("account/login");
        await phone.LogInAsync(benUser.UserName, benUser.Password);
        await phone.ExpectShellAsync();
        await phone.ShowNavigationAsync();
        await phone.ServerRail().GetByRole(AriaRole.Link, new() { Name = server }).ClickAsync();
        await phone.SendMessageAsync("¡Hola! Gracias por la invitación. ¿Qué estamos pintando esta semana?");
        await Expect(ana.Message("¡Hola! Gracias por la invitación.")).ToBeVisibleAsync();
        await ana.SendMessageAsync("¡Bienvenido, Benjamín! Acuarelas: trae tus pinceles **el jueves**.");
        await Expect(phone.Message("Acuarelas")).ToBeVisibleAsync();
        english.AddRange(await EnglishWords.FindAsync(phone, "conversación en un teléfono"));
        await phone.SaveScreenshotAsync("screenshot-phone.png");
        Assert.True(english.Count == 0, "English on the Spanish pages:\n" + string.Join('\n', english));
    }

    private async Task<IBrowserContext> SpanishContextAsync(Screen? screen = null)
    {
        var context = await app.NewContextAsync(screen ?? Screen.Desktop, configure: SpanishNames.AskForSpanish);
        context.UseSpanish();
        return context;
    }
}
