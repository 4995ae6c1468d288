using Microsoft.AspNetCore.Http.Features;

namespace Municipal.Forms.Api;

/// <summary>A request body read whole, or the fact that it was larger than allowed.</summary>
public sealed record ApiBodyRead(bool TooLarge, ReadOnlyMemory<byte> Content);

/// <summary>
/// Reads a request body up to a limit chosen per request (a form's file limits decide it): a larger declared length
/// is refused before reading, and a chunked body is cut off as soon as it passes the limit.
/// </summary>
public static class ApiBody
{
    public static async Task<ApiBodyRead> ReadAsync(HttpContext http, long limit, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > limit)
        {
            return new ApiBodyRead(true, default);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return new ApiBodyRead(true, default);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ApiBodyRead(true, default);
        }

        return new ApiBodyRead(false, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }
}
