/// One stream's conversations ordered by (start time, id), for binary-searched time windows.
struct StreamIndex: Sendable {
    let stream: String
    let streamKey: UInt64
    /// Headers in serving order.
    let headers: [ConversationHeader]
    /// Whole start seconds, parallel to `headers` (non-decreasing).
    let startSeconds: [Int64]
    /// Position in `headers` of each canonical (trimmed) id.
    let positionById: [String: Int]

    init(stream: String, seed: UInt64, count: Int, windowStart: Int64, seconds: Int64) {
        self.stream = stream
        streamKey = stableHash(stream)
        var headers = (0..<max(count, 0)).map {
            ConversationHeader.generate(
                seed: seed, streamKey: stableHash(stream), index: $0, windowStart: windowStart, seconds: seconds)
        }
        headers.sort { $0.startMs != $1.startMs ? $0.startMs < $1.startMs : $0.id < $1.id }
        self.headers = headers
        startSeconds = headers.map(\.startSecond)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(headers.count)
        for (position, header) in headers.enumerated() { positions[header.id] = position }
        positionById = positions
    }

    /// Positions of conversations whose start second lies in `[from, to]` (both inclusive).
    func positions(from: Int64, to: Int64) -> Range<Int> {
        guard from <= to else { return 0..<0 }
        return firstPosition(atOrAfter: from)..<firstPosition(atOrAfter: to + 1)
    }

    private func firstPosition(atOrAfter second: Int64) -> Int {
        var low = 0
        var high = startSeconds.count
        while low < high {
            let middle = (low + high) / 2
            if startSeconds[middle] < second { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
