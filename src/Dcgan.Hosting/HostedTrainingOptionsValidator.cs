// HostedTrainingOptionsValidator: the DataAnnotations of HostedTrainingOptions plus the nested trainer options.
using Dcgan.Configuration;
using Dcgan.Models;
using Dcgan.Training;

namespace Dcgan.Hosting;

/// <summary>
/// Validates <see cref="HostedTrainingOptions"/>, including its nested <see cref="HostedTrainingOptions.Trainer"/>
/// (reported as <c>Trainer:Epochs = 0: ...</c>); every failure names the option and its value.
/// </summary>
public sealed class HostedTrainingOptionsValidator : DcganOptionsValidator<HostedTrainingOptions>
{
    /// <inheritdoc />
    protected override IEnumerable<string> CrossFieldFailures(HostedTrainingOptions options)
    {
        if (options.Profile is not null && !TrainingProfile.All.Any(p => string.Equals(p.Name, options.Profile.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"{nameof(HostedTrainingOptions.Profile)} = \"{options.Profile}\": expected {string.Join(" or ", TrainingProfile.All.Select(p => $"\"{p.Name}\""))}.";
        }

        if (NetworkFailure(options) is { } network)
        {
            yield return network;
        }

        if (options.Trainer is null)
        {
            yield return "Trainer = null: expected the trainer's options (or leave the section out for the defaults).";
            yield break;
        }

        foreach (string failure in new GanTrainerOptionsValidator().Failures(options.Trainer))
        {
            yield return $"{nameof(HostedTrainingOptions.Trainer)}:{failure}";
        }
    }

    // Another kind than "dcgan" needs a description; a description must be a JSON object.
    private static string? NetworkFailure(HostedTrainingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.NetworkKind))
        {
            return null; // reported by [Required]
        }

        if (options.NetworkDescription is null)
        {
            return options.NetworkKind == DcganNetworkBuilder.KindName
                ? null
                : $"{nameof(HostedTrainingOptions.NetworkDescription)} = null: networks of kind '{options.NetworkKind}' need their builder's description (a JSON object).";
        }

        try
        {
            _ = new NetworkDescription(options.NetworkKind, options.NetworkDescription);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"{nameof(HostedTrainingOptions.NetworkDescription)} = {options.NetworkDescription}: {e.Message}";
        }
    }
}
