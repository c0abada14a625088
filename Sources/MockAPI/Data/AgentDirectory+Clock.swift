extension AgentDirectory {
    /// The times of the agent rename steps at or before `time` in clock mode: step `s` (from 1)
    /// falls at a seeded second of `[origin + (s - 1) * interval, origin + s * interval)`. The
    /// names after `n` steps are `agentNames(epoch: n)`.
    func renameTimes(through time: Int64, origin: Int64, interval: Int64) -> [Int64] {
        guard interval > 0, time >= origin else { return [] }
        let whole = Int((time - origin) / interval)
        var times = (1...(whole + 1)).map { renameTime(step: $0, origin: origin, interval: interval) }
        if let last = times.last, last > time { times.removeLast() }
        return times
    }

    /// How many rename steps happened at or before `time`.
    func renameSteps(at time: Int64, origin: Int64, interval: Int64) -> Int {
        guard interval > 0, time >= origin else { return 0 }
        let whole = Int((time - origin) / interval)
        return whole + (renameTime(step: whole + 1, origin: origin, interval: interval) <= time ? 1 : 0)
    }

    private func renameTime(step: Int, origin: Int64, interval: Int64) -> Int64 {
        var random = SplitMix64(keys: seed, RandomPurpose.clockRename.rawValue, UInt64(step))
        return origin + Int64(step - 1) * interval + Int64(random.below(Int(interval)))
    }
}
