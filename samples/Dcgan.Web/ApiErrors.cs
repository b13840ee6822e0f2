// ApiErrors: turns bad parameters into 400 ProblemDetails naming the parameter and value, and a missing model into 503.
using Dcgan.Serving;

namespace Dcgan.Web;

internal static class ApiErrors
{
    /// <summary>An endpoint filter for the /api group.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        HttpRequest request = context.HttpContext.Request;
        try
        {
            return await next(context);
        }
        catch (QueryParameterException e)
        {
            return BadParameter(e.Parameter, e.Value, e.Message);
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName is not null)
        {
            return BadParameter(e.ParamName, request.Query[e.ParamName].ToString() is { Length: > 0 } given ? given : e.ActualValue?.ToString(), Plain(e));
        }
        catch (ArgumentException e) when (e.ParamName is not null)
        {
            return BadParameter(e.ParamName, request.Query[e.ParamName].ToString(), Plain(e));
        }
        catch (GeneratorUnavailableException e)
        {
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No generator is loaded", detail: e.Message);
        }
    }

    private static IResult BadParameter(string parameter, string? value, string message) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: $"Invalid query parameter '{parameter}'",
        detail: message,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter, ["value"] = value });

    /// <summary>The message without the " (Parameter 'x')" and "Actual value was" lines .NET appends.</summary>
    private static string Plain(ArgumentException e)
    {
        string message = e.Message;
        int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut >= 0 ? message[..cut] : message.Split('\n')[0];
    }
}
