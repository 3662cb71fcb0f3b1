using System.Globalization;
using Chat.App.Components.Account;
using Chat.Domain;
using Chat.Domain.Attachments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Chat.App.Components.Attachments;

/// <summary>
/// Serves message files and pictures' thumbnails. Every request asks the domain whether the caller may read the
/// message's channel now (a guessed or shared URL is no key, and leaving a server ends access at once); whoever may
/// not gets the same 404 as for a file that does not exist. Nothing served can run in Chat's origin: the stored type
/// (decided by the server), nosniff, a sandbox policy, and other files only as downloads.
/// </summary>
internal static class AttachmentEndpoints
{
    /// <summary>Relative to the base href; the name is only there for the reader (and "Save as").</summary>
    public static string Url(AttachmentView file) =>
        string.Create(CultureInfo.InvariantCulture, $"files/{file.Id}/{Uri.EscapeDataString(file.FileName)}");

    public static string ThumbnailUrl(AttachmentView file) =>
        string.Create(CultureInfo.InvariantCulture, $"thumbnails/{file.Id}");

    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{id:long}/{name}", (long id, HttpContext context, AttachmentService files, CancellationToken ct) =>
            ServeAsync(id, thumbnail: false, context, files, ct));
        endpoints.MapGet("/thumbnails/{id:long}", (long id, HttpContext context, AttachmentService files, CancellationToken ct) =>
            ServeAsync(id, thumbnail: true, context, files, ct));
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ServeAsync(
        long id, bool thumbnail, HttpContext context, AttachmentService files, CancellationToken ct)
    {
        AttachmentFile file;
        try
        {
            file = await files.GetFileAsync(context.User.UserId(), id, thumbnail, ct);
        }
        catch (DomainException e) when (e is ForbiddenException or NotFoundException)
        {
            // Not a member, no longer a member, someone else's pending upload, or nothing: all look alike.
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        // Only the browser may keep a copy, and it must ask again each time, so a removed member's next view is refused.
        headers.CacheControl = "private, no-cache";
        // A file's bytes never change under its id: a browser that has them gets 304, after the same access check.
        var tag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"{(thumbnail ? "t" : "f")}{id}\""));
        if (file.Kind == AttachmentKind.Picture)
        {
            // A decoded and re-encoded picture: shown in the page, under its own name when saved.
            var inline = new ContentDispositionHeaderValue("inline");
            inline.SetHttpFileName(file.FileName);
            headers.ContentDisposition = inline.ToString();
            return TypedResults.File(file.Bytes, file.ContentType, entityTag: tag);
        }

        // Anything else only ever downloads (Content-Disposition: attachment), whatever its type says.
        return TypedResults.File(file.Bytes, file.ContentType, fileDownloadName: file.FileName, entityTag: tag);
    }
}
