/// How far a running sync or backfill has got (committed slices only).
public struct SyncProgress: Sendable, Hashable {
    public var slicesDone: Int
    public var slicesTotal: Int
    public var conversations: Int
    /// Seconds since loading started.
    public var seconds: Double

    public init(slicesDone: Int, slicesTotal: Int, conversations: Int, seconds: Double) {
        self.slicesDone = slicesDone
        self.slicesTotal = slicesTotal
        self.conversations = conversations
        self.seconds = seconds
    }

    /// Conversations per second so far.
    public var rate: Double { seconds > 0 ? Double(conversations) / seconds : 0 }

    /// Seconds left at the current slice rate, or nil before the first slice.
    public var secondsLeft: Double? {
        guard slicesDone > 0 else { return nil }
        return seconds / Double(slicesDone) * Double(slicesTotal - slicesDone)
    }

    /// `slices 12/31, 4500 conversations, 3100/s, ETA 0:05`.
    public var line: String {
        var text = "slices \(slicesDone)/\(slicesTotal), \(conversations) conversations, \(Int(rate))/s"
        if let left = secondsLeft {
            let total = Int(left.rounded())
            text += ", ETA \(total / 60):" + (total % 60 < 10 ? "0" : "") + "\(total % 60)"
        }
        return text
    }
}
