using GrpcExports.Server.Events;
using GrpcExports.Tests.Support;
using static GrpcExports.Tests.Events.EventStoreAssertions;

namespace GrpcExports.Tests.Events;

/// <summary>Reading a stream a page at a time, forward and backward, and global positions across streams.</summary>
public sealed class EventStoreReadTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private EventStore Store => database.Events;

    [Fact]
    public async Task ReadsForwardInPages()
    {
        var streamId = await StreamOfSevenEventsAsync();

        var pages = await ReadAllPagesAsync(streamId, ReadDirection.Forward, fromVersion: 1, pageSize: 3);

        Assert.Equal([[1L, 2L, 3L], [4L, 5L, 6L], [7L]], pages.Select(page => page.Events.Select(e => e.Version).ToArray()));
        Assert.Equal([4L, 7L, null], pages.Select(page => page.NextVersion));
        Assert.Equal(Enumerable.Range(1, 7).Select(n => $$"""{"n":{{n}}}"""), pages.SelectMany(page => page.Events).Select(e => e.Data));
    }

    [Fact]
    public async Task ReadsBackwardFromTheEndInPages()
    {
        var streamId = await StreamOfSevenEventsAsync();

        var pages = await ReadAllPagesAsync(streamId, ReadDirection.Backward, fromVersion: long.MaxValue, pageSize: 3);

        Assert.Equal([[7L, 6L, 5L], [4L, 3L, 2L], [1L]], pages.Select(page => page.Events.Select(e => e.Version).ToArray()));
        Assert.Equal([4L, 1L, null], pages.Select(page => page.NextVersion));
    }

    [Fact]
    public async Task ReadsFromAVersionInTheMiddle()
    {
        var streamId = await StreamOfSevenEventsAsync();

        var forward = await Store.ReadStreamAsync(streamId, ReadDirection.Forward, 5, 10);
        var backward = await Store.ReadStreamAsync(streamId, ReadDirection.Backward, 5, 2);
        var pastTheEnd = await Store.ReadStreamAsync(streamId, ReadDirection.Forward, 8, 10);

        Assert.Equal([5L, 6L, 7L], forward.Events.Select(e => e.Version));
        Assert.Null(forward.NextVersion);
        Assert.Equal([5L, 4L], backward.Events.Select(e => e.Version));
        Assert.Equal(3L, backward.NextVersion);
        Assert.Empty(pastTheEnd.Events);
        Assert.Null(pastTheEnd.NextVersion);
    }

    [Fact]
    public async Task AStreamThatDoesNotExistReadsAsEmptyAtVersionZero()
    {
        var streamId = Guid.NewGuid();

        var page = await Store.ReadStreamAsync(streamId, ReadDirection.Backward, long.MaxValue, 10);

        Assert.Empty(page.Events);
        Assert.Null(page.NextVersion);
        Assert.Equal(0, await Store.GetVersionAsync(streamId));
        Assert.Null(await Store.GetStreamAsync(streamId));
    }

    [Fact]
    public async Task GlobalPositionsIncreaseAcrossStreamsInAppendOrder()
    {
        var streams = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var positions = new List<long>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var streamId in streams)
            {
                positions.AddRange((await AppendCommittedAsync(database.DataSource, Store, streamId, round * 2, SampleEvents(2))).Positions);
            }
        }

        Assert.Equal(18, positions.Count);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Count, positions.Distinct().Count());
        foreach (var streamId in streams)
        {
            var events = (await Store.ReadStreamAsync(streamId, ReadDirection.Forward, 1, 100)).Events;
            Assert.Equal(events.Select(e => e.Position).Order(), events.Select(e => e.Position));
            Assert.All(events, e => Assert.Contains(e.Position, positions));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(EventStore.MaxPageSize + 1)]
    public async Task APageHoldsOneToTheMaximumNumberOfEvents(int maxCount)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ReadStreamAsync(Guid.NewGuid(), ReadDirection.Forward, 1, maxCount));
    }

    private async Task<Guid> StreamOfSevenEventsAsync()
    {
        var streamId = Guid.NewGuid();
        var all = SampleEvents(7);
        await AppendCommittedAsync(database.DataSource, Store, streamId, 0, all[..2]);
        await AppendCommittedAsync(database.DataSource, Store, streamId, 2, all[2..5]);
        await AppendCommittedAsync(database.DataSource, Store, streamId, 5, all[5..]);
        return streamId;
    }

    private async Task<List<StreamPage>> ReadAllPagesAsync(Guid streamId, ReadDirection direction, long fromVersion, int pageSize)
    {
        var pages = new List<StreamPage>();
        long? next = fromVersion;
        while (next is { } from && pages.Count < 100)
        {
            var page = await Store.ReadStreamAsync(streamId, direction, from, pageSize);
            pages.Add(page);
            next = page.NextVersion;
        }
        return pages;
    }
}
