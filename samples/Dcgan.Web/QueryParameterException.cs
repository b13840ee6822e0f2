// QueryParameterException: a query parameter that is not a valid value; the API answers 400 naming it.
namespace Dcgan.Web;

/// <summary>A query parameter has a value the endpoint cannot use.</summary>
internal sealed class QueryParameterException(string parameter, string? value, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;

    public string? Value { get; } = value;
}
