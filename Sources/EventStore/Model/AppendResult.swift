/// What an append recorded: where its events stand in the log and in their stream.
public struct AppendResult: Hashable, Sendable {
    /// The stream appended to.
    public let stream: String
    /// The global position of the first event of the append.
    public let firstPosition: Int64
    /// The global position of the last event of the append.
    public let lastPosition: Int64
    /// The stream version of the last event of the append: the `.exact` version to expect next.
    public let lastStreamVersion: Int64
    /// True when every event was already stored by an earlier identical append, so nothing was
    /// written and the positions are those first recorded.
    public let wasAlreadyStored: Bool

    /// The global positions of the append's events, in order (they are contiguous).
    public var positions: ClosedRange<Int64> { firstPosition...lastPosition }
}
