namespace Dcgan.Data.Tests;

public class PixelScalingTests
{
    [Fact]
    public void ToSigned_MapsEndpoints()
    {
        PixelScaling.ToSigned(0).Should().Be(-1f);
        PixelScaling.ToSigned(255).Should().Be(1f);
    }

    [Fact]
    public void ToByte_InvertsToSignedForEveryByte()
    {
        for (int b = 0; b < 256; b++)
        {
            PixelScaling.ToByte(PixelScaling.ToSigned((byte)b)).Should().Be((byte)b);
        }
    }

    [Theory]
    [InlineData(-5f, 0)]
    [InlineData(3f, 255)]
    [InlineData(float.NaN, 0)]
    [InlineData(float.PositiveInfinity, 255)]
    [InlineData(0f, 128)]
    public void ToByte_ClampsAndRounds(float value, byte expected) => PixelScaling.ToByte(value).Should().Be(expected);
}
