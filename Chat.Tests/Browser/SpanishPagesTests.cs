using Chat.Domain.Communities;
using Chat.Domain.Invitations;
using Chat.Domain.Messages;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Every page, and every dialog open on them, in a browser that asks for Spanish: none shows one of the
/// interface's common English words (<see cref="EnglishWords"/>). The failure lists each word and where it was.
/// </summary>
public sealed class SpanishPagesTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task EveryPage_InASpanishBrowser_ShowsNoEnglishWord()
    {
        await using var context = await app.NewContextAsync(Screen.Desktop, configure: SpanishNames.AskForSpanish);
        context.UseSpanish();
        var page = await context.NewPageAsync();
        var user = TestUser.Create("eva");
        var found = new List<string>();

        await page.GotoAsync("account/login");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hola de nuevo" })).ToBeVisibleAsync();
        await CheckAsync(page, "inicio de sesión", found);
        await page.GetByRole(AriaRole.Button, new() { Name = "Iniciar sesión", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Escribe tu contraseña.")).ToBeVisibleAsync();
        await CheckAsync(page, "inicio de sesión vacío", found);
        await page.GotoAsync("account/register");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrarse", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Elige un nombre de usuario.")).ToBeVisibleAsync();
        await CheckAsync(page, "registro vacío", found);
        foreach (var (path, heading) in new[]
                 {
                     ("error/400", "Solicitud incorrecta"), ("error/403", "No tienes acceso"), ("error/429", "Demasiados intentos"),
                     ("error/500", "Algo salió mal"), ("no/such/page", "Página no encontrada"),
                 })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
            await CheckAsync(page, path, found);
        }

        await page.RegisterAsync(user);
        await page.ExpectShellAsync();
        await Expect(page.GetByText("Todavía no estás en ningún servidor")).ToBeVisibleAsync();
        await CheckAsync(page, "aplicación vacía", found);
        var arranged = await ArrangeAsync(user);

        await page.GotoAsync(arranged.ChannelUrl);
        await Expect(page.Message("el segundo mensaje")).ToBeVisibleAsync();
        await Expect(page.MemberList()).ToContainTextAsync("Lena");
        await CheckAsync(page, "canal con mensajes y miembros", found);
        await CheckDialogsAsync(page, found);

        await page.GotoAsync(arranged.ForbiddenUrl);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No tienes acceso" })).ToBeVisibleAsync();
        await CheckAsync(page, "servidor ajeno", found);
        await page.GotoAsync("servers/find");
        await Expect(page.GetByLabel("Busca servidores públicos por nombre")).ToBeEnabledAsync();
        await page.GetByLabel("Busca servidores públicos por nombre").FillAsync("zzz-nada");
        await Expect(page.GetByText("Ningún servidor público coincide")).ToBeVisibleAsync();
        await CheckAsync(page, "búsqueda de servidores", found);
        await page.GotoAsync("profile");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Imagen" })).ToBeVisibleAsync();
        await CheckAsync(page, "perfil", found);
        await page.GotoAsync("account/manage");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cambiar la contraseña" })).ToBeVisibleAsync();
        await CheckAsync(page, "correo y contraseña", found);
        await page.GotoAsync(arranged.InviteUrl);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unirse a Jardín" })).ToBeEnabledAsync();
        await CheckAsync(page, "enlace de invitación", found);

        Assert.True(found.Count == 0, "English on the Spanish pages:\n" + string.Join('\n', found));
    }

    // The channel's dialogs and menus, each opened as a user opens it and closed with Escape.
    private static async Task CheckDialogsAsync(IPage page, List<string> found)
    {
        // Its form's own validation (DataAnnotations) in Spanish too.
        await page.CreateServerButton().ClickAsync();
        var create = page.GetByRole(AriaRole.Dialog, new() { Name = "Crear un servidor" });
        await create.GetByRole(AriaRole.Button, new() { Name = "Crear", Exact = true }).ClickAsync();
        await Expect(create).ToContainTextAsync("Ponle un nombre a tu servidor.");
        await CheckDialogAsync(page, "Crear un servidor", found);

        await page.GetByRole(AriaRole.Button, new() { Name = "Menú del servidor" }).ClickAsync();
        await CheckDialogAsync(page, "Atelier", found);
        var invite = await page.OpenInviteDialogAsync();
        await invite.GetByRole(AriaRole.Button, new() { Name = "Crear enlace" }).ClickAsync();
        await Expect(invite.GetByRole(AriaRole.List, new() { Name = "Enlaces de invitación" })).ToBeVisibleAsync();
        await CheckDialogAsync(page, "Invitar personas a", found);

        await page.ChannelList().GetByRole(AriaRole.Button, new() { Name = "+ Crear canal" }).ClickAsync();
        await CheckDialogAsync(page, "Crear canal", found);
        // The row's settings button shows while the row is hovered.
        await page.ChannelLink("general").HoverAsync();
        await page.ChannelList().GetByRole(AriaRole.Button, new() { Name = "Editar el canal general" }).ClickAsync();
        await CheckDialogAsync(page, "Editar #general", found);

        await page.MemberList().GetByRole(AriaRole.Button, new() { NameRegex = new("^Gestionar a Lena") }).ClickAsync();
        await CheckDialogAsync(page, "Lena", found);

        await page.Message("bienvenida").GetByRole(AriaRole.Button, new() { Name = "(editado)" }).ClickAsync();
        await CheckDialogAsync(page, "Versiones anteriores", found);

        var mine = page.Message("Gracias");
        await mine.ShowActionsAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Eliminar mensaje" }).ClickAsync();
        await CheckDialogAsync(page, "Eliminar mensaje", found);
        await mine.ShowActionsAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Editar mensaje" }).ClickAsync();
        var editor = page.MessageLog().GetByRole(AriaRole.Textbox, new() { Name = "Editar mensaje" });
        await editor.ExpectKeysReadyAsync();
        await CheckAsync(page, "edición de un mensaje", found);
        await editor.PressAsync("Escape");
        await Expect(editor).ToBeHiddenAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-switcher", "ready");
        await page.Keyboard.PressAsync("Control+k");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Nombre del servidor o canal" }).FillAsync("zzz");
        await Expect(page.GetByText("Ninguno de tus servidores o canales se llama así.")).ToBeVisibleAsync();
        await CheckAsync(page, "selector rápido", found);
        await page.Keyboard.PressAsync("Escape");

        var inbox = await page.OpenInboxAsync();
        await Expect(inbox.GetByRole(AriaRole.Button, new() { NameRegex = new("^Aceptar la invitación a") })).ToBeVisibleAsync();
        await CheckAsync(page, "notificaciones", found);
        await page.Keyboard.PressAsync("Escape");
        await Expect(inbox).ToBeHiddenAsync();
    }

    private static async Task CheckDialogAsync(IPage page, string title, List<string> found)
    {
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = title });
        await Expect(dialog).ToBeVisibleAsync();
        await CheckAsync(page, $"diálogo «{title}»", found);
        await dialog.CloseWithEscapeAsync();
    }

    private static async Task CheckAsync(IPage page, string where, List<string> found)
    {
        // The settled page: a live page sets its title once its data is loaded (a moment after its markup shows).
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        found.AddRange(await EnglishWords.FindAsync(page, where));
    }

    // The user's own server with a second member and messages of both (one mentions nobody, one quotes); a private
    // server of someone else with an invite link, which also invites the user directly (the inbox then has an
    // invitation to answer); and the address of a server the user is no member of.
    private async Task<Arranged> ArrangeAsync(TestUser user)
    {
        var services = app.Services;
        string userId;
        await using (var scope = services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>().FindByNameAsync(user.UserName))!.Id;
        }

        var other = TestUser.Create("lena");
        var lena = new ChatUser { UserName = other.UserName, Email = other.Email, DisplayName = "Lena Sosa" };
        await using (var scope = services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>().CreateAsync(lena);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var communities = services.GetRequiredService<CommunityService>();
        var messages = services.GetRequiredService<MessageService>();
        var invitations = services.GetRequiredService<InvitationService>();
        var atelier = await communities.CreateAsync(userId, TwoUsers.UniqueServerName("Atelier"), "Dibujo y pintura", isPublic: true);
        await communities.JoinAsync(lena.Id, atelier.Id);
        var channelId = atelier.FirstChannelId!.Value;
        var hello = await messages.SendAsync(lena.Id, channelId, "Hola, **bienvenido** al taller", Guid.NewGuid());
        await messages.EditAsync(lena.Id, hello.Id, "Hola, **bienvenida** al taller", hello.Version);
        await messages.SendAsync(userId, channelId, "Gracias, `código` y un [enlace](https://example.test)", Guid.NewGuid());
        await messages.SendAsync(lena.Id, channelId, "el segundo mensaje\n> una cita", Guid.NewGuid());

        var garden = await communities.CreateAsync(lena.Id, "Jardín", "Semillas y tierra", isPublic: false);
        var link = await invitations.CreateLinkAsync(lena.Id, garden.Id, null, null);
        await invitations.InviteAsync(lena.Id, garden.Id, user.UserName);
        return new Arranged($"servers/{atelier.Id}/channels/{channelId}", $"invite/{link.Code}", $"servers/{garden.Id}");
    }

    private sealed record Arranged(string ChannelUrl, string InviteUrl, string ForbiddenUrl);
}
