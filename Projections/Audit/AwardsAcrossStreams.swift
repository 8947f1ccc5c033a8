import HadafEvents

/// The awards in force across every awards stream, to find the same award twice in two streams
/// (another university's, or a look-alike name of the same office): each stream checks its own
/// doubles (``AuditedOffice``), this only those across streams.
///
/// A national year holds over a million awards, so each is kept as a 64-bit digest of what
/// makes it the same award (``AuditedOffice/key(of:)``), with where it is.
struct AwardsAcrossStreams {
    private var seen: [Int: (position: Int64, stream: Int32)] = [:]
    private var streams: [String] = []

    /// Records `issued`, found at `position` in `stream`, and returns where the same award was
    /// found before in another stream, if it was.
    mutating func record(_ issued: AwardIssued, at position: Int64, in stream: String) -> (position: Int64, stream: String)? {
        if streams.last != stream { streams.append(stream) }
        let index = Int32(streams.count - 1)
        var hasher = Hasher()
        hasher.combine(AuditedOffice.key(of: issued))
        hasher.combine(issued.academicYear)
        let digest = hasher.finalize()
        if let earlier = seen[digest], earlier.stream != index { return (earlier.position, streams[Int(earlier.stream)]) }
        if seen[digest] == nil { seen[digest] = (position, index) }
        return nil
    }
}
