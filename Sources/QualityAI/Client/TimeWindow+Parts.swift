extension TimeWindow {
    /// Cuts the window into `count` consecutive parts of (nearly) equal length that cover it exactly;
    /// fewer when it has fewer seconds, and at least two.
    public func parts(_ count: Int) -> [TimeWindow] {
        let count = Int64(max(2, count))
        let pieces = min(count, seconds)
        var parts: [TimeWindow] = []
        var next = start
        for index in 0..<pieces {
            let length = seconds / pieces + (index < seconds % pieces ? 1 : 0)
            parts.append(TimeWindow(start: next, end: next + length - 1))
            next += length
        }
        return parts
    }
}
