using System.Buffers.Binary;
using System.Text;

namespace GrpcExports.Tests.Rendering.Audio;

/// <summary>
/// A 16-bit PCM WAV read by walking its RIFF chunks ourselves (not through ffmpeg, which wrote it), with the level
/// measures the mix tests assert: RMS and peak of the left channel over a time window, as a fraction of full scale.
/// </summary>
public sealed class WavSamples
{
    private readonly short[] _interleaved;

    private WavSamples(int sampleRate, int channels, short[] interleaved)
    {
        SampleRate = sampleRate;
        Channels = channels;
        _interleaved = interleaved;
    }

    public int SampleRate { get; }

    public int Channels { get; }

    /// <summary>Samples per channel.</summary>
    public long Length => _interleaved.Length / Channels;

    public double Seconds => (double)Length / SampleRate;

    public static WavSamples Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(bytes, 8, 4));
        int? sampleRate = null, channels = null;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            var body = bytes.AsSpan(offset + 8);
            if (id == "fmt ")
            {
                Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(body)); // PCM
                channels = BinaryPrimitives.ReadInt16LittleEndian(body[2..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(body[14..]));
            }
            else if (id == "data")
            {
                Assert.True(sampleRate is not null && channels is not null, "the fmt chunk comes before the data chunk");
                var samples = new short[size / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(2 * i)..]);
                }
                return new WavSamples(sampleRate.Value, channels.Value, samples);
            }
            offset += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"{path} has no data chunk");
    }

    public double Sample(long index, int channel = 0) => _interleaved[index * Channels + channel] / 32768.0;

    /// <summary>The RMS of <paramref name="channel"/> over <c>[fromSeconds, toSeconds)</c>.</summary>
    public double Rms(double fromSeconds, double toSeconds, int channel = 0)
    {
        var (from, to) = Window(fromSeconds, toSeconds);
        double sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += Sample(i, channel) * Sample(i, channel);
        }
        return Math.Sqrt(sum / (to - from));
    }

    /// <summary>The largest absolute sample of <paramref name="channel"/> over <c>[fromSeconds, toSeconds)</c>.</summary>
    public double Peak(double fromSeconds, double toSeconds, int channel = 0)
    {
        var (from, to) = Window(fromSeconds, toSeconds);
        double peak = 0;
        for (var i = from; i < to; i++)
        {
            peak = Math.Max(peak, Math.Abs(Sample(i, channel)));
        }
        return peak;
    }

    private (long From, long To) Window(double fromSeconds, double toSeconds)
    {
        var from = (long)Math.Round(fromSeconds * SampleRate);
        var to = Math.Min(Length, (long)Math.Round(toSeconds * SampleRate));
        Assert.True(from < to, $"window [{fromSeconds}, {toSeconds}) s lies outside the {Seconds} s file");
        return (from, to);
    }
}
