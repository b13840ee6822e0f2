// A deliberate layering violation, for the checker's own test: Models uses Training only inside a method body,
// and Training uses Models, so the two form a cycle.
namespace Dcgan.Architecture.Tests.LayeringFixture.Models
{
    internal sealed class FixtureModel
    {
        public static int Steps() => new Training.FixtureTrainer().Count;
    }
}

namespace Dcgan.Architecture.Tests.LayeringFixture.Training
{
    internal sealed class FixtureTrainer
    {
        public int Count { get; } = 1;

        public Models.FixtureModel? Model { get; set; }
    }
}
