using System.Globalization;
using Chat.Domain.Profiles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.App.Components.Common;

/// <summary>
/// Serves users' pictures from the database. Only logged-in users get them (the fallback policy), like display
/// names, and only the browser may cache them. The bytes were checked when they were stored; they are still served as nothing but an image.
/// </summary>
internal static class AvatarEndpoints
{
    /// <summary>Relative to the base href; a new picture gets a new version, so a URL's content never changes.</summary>
    public static string Url(string userId, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"avatars/{Uri.EscapeDataString(userId)}/{version}");

    public static IEndpointConventionBuilder MapAvatarEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/avatars/{userId}/{version:int}", async Task<Results<FileContentHttpResult, RedirectHttpResult, NotFound>> (
            string userId, int version, HttpContext context, ProfileService profiles, CancellationToken ct) =>
        {
            var avatar = await profiles.GetAvatarAsync(userId, ct);
            if (avatar is null)
            {
                return TypedResults.NotFound();
            }

            var headers = context.Response.Headers;
            if (avatar.Version != version)
            {
                // An old page asks for a replaced picture: send it to the current one, and only briefly cache that.
                headers.CacheControl = "private, max-age=60";
                return TypedResults.Redirect($"{context.Request.PathBase}/{Url(userId, avatar.Version)}");
            }

            // The stored type, never a guess from the bytes; no script even if a browser tried to render it as a page.
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            // Private: only logged-in users may see pictures, so no shared cache (a proxy, a CDN) may keep a copy and
            // hand it to someone else; the browser may keep it for a year, since a new picture is a new URL.
            headers.CacheControl = "private, max-age=31536000, immutable";
            return TypedResults.File(avatar.Bytes, avatar.ContentType);
        });
}
