using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

/// <summary>
/// The names the <see cref="ChatPage"/> helpers find things by, as a Spanish-speaking user reads them, so the same
/// helpers drive a browser that asks for Spanish (<see cref="UseSpanish"/>). Keyed by the English name.
/// </summary>
public static class SpanishNames
{
    /// <summary>Accept-Language of a Spanish-speaking visitor from Argentina, as the journey has it.</summary>
    public const string Locale = "es-AR";

    private static readonly ConditionalWeakTable<IBrowserContext, IReadOnlyDictionary<string, string>> Spoken = [];

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Create an account"] = "Crea una cuenta",
        ["Username"] = "Nombre de usuario",
        ["Display name"] = "Nombre visible",
        ["Email"] = "Correo electrónico",
        ["Password"] = "Contraseña",
        ["Confirm password"] = "Confirmar la contraseña",
        ["Register"] = "Registrarse",
        ["Username or email"] = "Nombre de usuario o correo electrónico",
        ["Log in"] = "Iniciar sesión",
        ["Log out"] = "Cerrar sesión",
        ["Welcome back"] = "Hola de nuevo",
        ["Servers"] = "Servidores",
        ["Create server"] = "Crear servidor",
        ["Messages"] = "Mensajes",
        ["Servers and channels"] = "Servidores y canales",
        ["Message actions"] = "Acciones del mensaje",
        ["Add reaction"] = "Añadir reacción",
        ["Search emoji by name"] = "Buscar emoji por nombre",
        ["Reply"] = "Responder",
        ["Cancel reply"] = "Cancelar respuesta",
        ["Suggestions"] = "Sugerencias",
        ["Channels"] = "Canales",
        ["Message"] = "Mensaje",
        ["Create a server"] = "Crear un servidor",
        ["Server name"] = "Nombre del servidor",
        ["Description"] = "Descripción",
        ["Public"] = "Público",
        ["Create"] = "Crear",
        ["Search results"] = "Resultados de la búsqueda",
        ["Find servers"] = "Buscar servidores",
        ["Search public servers by name"] = "Busca servidores públicos por nombre",
        ["Join {0}"] = "Unirse a {0}",
        ["Members"] = "Miembros",
        ["+ Create channel"] = "+ Crear canal",
        ["Create channel"] = "Crear canal",
        ["Channel name"] = "Nombre del canal",
        ["Notifications"] = "Notificaciones",
        ["Server menu"] = "Menú del servidor",
        ["Invite people"] = "Invitar personas",
        ["Invite people to"] = "Invitar personas a",
        ["Something went wrong"] = "Algo salió mal",
        ["Server or channel name"] = "Nombre del servidor o canal",
        ["Picture"] = "Imagen",
        ["Page not found"] = "Página no encontrada",
        ["New message"] = "Nuevo mensaje",
        ["Start ({0})"] = "Empezar ({0})",
    };

    /// <summary>Makes the helpers look for Spanish names on the pages of this context (made with <see cref="Locale"/>).</summary>
    public static void UseSpanish(this IBrowserContext context) => Spoken.AddOrUpdate(context, Names);

    /// <summary>The name as the page's user reads it: the English one, or its Spanish one in a Spanish context.</summary>
    public static string Say(this IPage page, string english, params object[] values)
    {
        ArgumentNullException.ThrowIfNull(page);
        var name = Spoken.TryGetValue(page.Context, out var names) ? names[english] : english;
        return values.Length == 0 ? name : string.Format(System.Globalization.CultureInfo.InvariantCulture, name, values);
    }

    /// <summary>The options of a context whose browser asks for Spanish: its locale and Accept-Language.</summary>
    public static void AskForSpanish(BrowserNewContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Locale = Locale;
        options.ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = $"{Locale},es;q=0.9" };
    }
}
