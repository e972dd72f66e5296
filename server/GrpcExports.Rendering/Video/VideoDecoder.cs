using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using GrpcExports.Rendering.Compositing;
using GrpcExports.Rendering.Tools;

namespace GrpcExports.Rendering.Video;

/// <summary>
/// One ffmpeg process decoding one video item to raw yuv420p frames through its stdout pipe (yuva420p when the frame
/// has transparent bars). A reader task reads each frame, converts it into one of a few recycled
/// <see cref="RasterImage"/>s (<see cref="PlanarYuvFrame"/>), and queues it (at most <see cref="ReadAhead"/>
/// ahead, so ffmpeg decodes while the frame before is composited, and memory is a handful of frames whatever the
/// clip's length). <see cref="TryFrameAt"/> walks forward in step with the export's frames; before the first frame it
/// shows the first, after the last it holds the last.
/// </summary>
public sealed class VideoDecoder : IDisposable
{
    private const int ReadAhead = 2;

    private readonly VideoDecodeRequest _request;
    private readonly CancellationTokenSource _stop;
    private readonly Channel<RasterImage> _decoded = Channel.CreateBounded<RasterImage>(ReadAhead);
    private readonly Channel<RasterImage> _free = Channel.CreateUnbounded<RasterImage>();
    private readonly Task _reader;
    private RasterImage? _current;
    private long _currentIndex = -1;
    private bool _ended;

    public VideoDecoder(MediaTools tools, VideoDecodeRequest request, CancellationToken cancellationToken)
    {
        _request = request;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The frame shown, the frames queued, and the one being filled.
        for (var i = 0; i < ReadAhead + 2; i++)
        {
            _free.Writer.TryWrite(new RasterImage(request.Width, request.Height));
        }
        _reader = Task.Run(() => ReadFramesAsync(tools, _stop.Token));
    }

    public VideoDecodeRequest Request => _request;

    /// <summary>The index of the frame <see cref="TryFrameAt"/> returned last (-1 before the first call).</summary>
    public long CurrentIndex => _currentIndex;

    /// <summary>The source has no more frames: every later index holds the last one.</summary>
    public bool HasEnded => _ended;

    /// <summary>Frame <paramref name="index"/> from the decoder's start (blocking until it is decoded). Earlier
    /// indexes than the current one hold the current frame: the decoder only goes forward. False when the source had
    /// no frame at all from the decoder's start on (it starts past the source's end).</summary>
    public bool TryFrameAt(long index, [NotNullWhen(true)] out RasterImage? frame)
    {
        var target = Math.Max(index, 0);
        while ((_current is null || _currentIndex < target) && !_ended)
        {
            if (!_decoded.Reader.TryRead(out var next))
            {
                // Throws ffmpeg's failure, or the export's cancellation, when the reader ended with one.
                if (!_decoded.Reader.WaitToReadAsync(_stop.Token).AsTask().GetAwaiter().GetResult())
                {
                    _ended = true;
                    break;
                }
                continue;
            }
            if (_current is not null)
            {
                _free.Writer.TryWrite(_current);
            }
            _current = next;
            _currentIndex++;
        }
        frame = _current;
        return frame is not null;
    }

    private async Task ReadFramesAsync(MediaTools tools, CancellationToken cancellationToken)
    {
        var yuv = new PlanarYuvFrame(_request.Width, _request.Height, hasAlpha: _request.KeepAspectRatio);
        var frameBytes = yuv.Bytes.Length;
        try
        {
            await tools.RunAsync(MediaTool.Ffmpeg, VideoDecoderArguments.For(_request, yuv.PixelFormat), _request.ServedSeconds, readOutput: async (output, token) =>
            {
                while (true)
                {
                    if (await output.ReadAtLeastAsync(yuv.Bytes, frameBytes, throwOnEndOfStream: false, token) < frameBytes)
                    {
                        return;
                    }
                    var image = await _free.Reader.ReadAsync(token);
                    yuv.ConvertTo(image);
                    await _decoded.Writer.WriteAsync(image, token);
                }
            }, cancellationToken: cancellationToken);
            _decoded.Writer.TryComplete();
        }
        catch (MediaToolFailedException failed)
        {
            _decoded.Writer.TryComplete(new VideoDecodeException(_request.AssetId, failed.StandardErrorTail(), failed));
        }
        catch (Exception error)
        {
            _decoded.Writer.TryComplete(error);
        }
    }

    /// <summary>Kills ffmpeg (if it still runs) and waits for it to be gone.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _reader.GetAwaiter().GetResult();
        _stop.Dispose();
    }
}
