import Synchronization

/// The mutable side of a running mock: epoch or simulated clock, faults, statistics and seen token
/// ids.
final class MockState: Sendable {
    private struct Inner {
        var epoch: Int
        /// The simulated now in clock mode; nil in epoch mode (it never switches).
        var clock: Int64?
        var faults: FaultConfiguration
        var counter = 0
        var stats = MockStats()
        var seenTokenIds: [String: Int64] = [:]
        var admittedMs: [Int64] = []
        /// Faults in a row per request (stream and body) that has not been served cleanly since.
        var faultsInARow: [RequestKey: Int] = [:]
    }

    private struct RequestKey: Hashable {
        var stream: String
        var body: [UInt8]
    }

    private let inner: Mutex<Inner>
    private let seed: UInt64

    init(epoch: Int, clock: Int64? = nil, faults: FaultConfiguration, seed: UInt64) {
        inner = Mutex(Inner(epoch: epoch, clock: clock, faults: faults))
        self.seed = seed
    }

    var epoch: Int { inner.withLock { $0.epoch } }

    /// The simulated now; nil in epoch mode.
    var clock: Int64? { inner.withLock { $0.clock } }

    /// What a request sees now: the epoch, or the simulated time in clock mode.
    var moment: MockMoment { inner.withLock { Self.moment($0) } }

    /// Sets the simulated now (earlier or later); false in epoch mode, where nothing changes.
    func setClock(_ now: Int64) -> Bool {
        inner.withLock {
            guard $0.clock != nil else { return false }
            $0.clock = now
            return true
        }
    }

    /// Moves the simulated now forward and returns it; nil in epoch mode.
    func advanceClock(by seconds: Int64) -> Int64? {
        inner.withLock {
            guard let clock = $0.clock else { return nil }
            $0.clock = clock + seconds
            return clock + seconds
        }
    }

    private static func moment(_ inner: Inner) -> MockMoment {
        inner.clock.map { .clock($0) } ?? .epoch(inner.epoch)
    }

    func setEpoch(_ epoch: Int) {
        inner.withLock { $0.epoch = epoch }
    }

    func advanceEpoch() -> Int {
        inner.withLock {
            $0.epoch += 1
            return $0.epoch
        }
    }

    var faults: FaultConfiguration { inner.withLock { $0.faults } }

    /// Replaces the faults and restarts the request count they are keyed on.
    func setFaults(_ faults: FaultConfiguration) {
        inner.withLock {
            $0.faults = faults
            $0.counter = 0
            $0.admittedMs = []
            $0.faultsInARow = [:]
        }
    }

    func statsJSON() -> [UInt8] { inner.withLock { $0.stats.json() } }

    func resetStats() {
        inner.withLock {
            $0.stats = MockStats()
            $0.counter = 0
            $0.admittedMs = []
            $0.faultsInARow = [:]
        }
    }

    /// Counts an arriving raw data request and decides which fault, if any, it gets.
    func admit(stream: String, body: [UInt8], nowMs: Int64) -> Admission {
        inner.withLock { state in
            state.counter += 1
            state.stats.arrived(stream: stream, atMs: nowMs)
            let number = state.counter
            let faults = state.faults
            func every(_ k: Int) -> Bool { k > 0 && number % k == 0 }
            var admission = Admission(
                number: number, moment: Self.moment(state), faults: faults, fault: nil, retryAfterSeconds: 0)
            let window = Int64(max(1, faults.rateWindowMilliseconds))
            state.admittedMs.removeAll { $0 <= nowMs - window }
            if every(faults.dropConnectionEvery) {
                admission.fault = .droppedConnection
            } else if every(faults.rateLimitEvery) {
                admission.fault = .rateLimited
            } else if faults.requestsPerMinute > 0, state.admittedMs.count >= faults.requestsPerMinute {
                admission.fault = .rateLimitExceeded
                let wait = state.admittedMs[state.admittedMs.count - faults.requestsPerMinute] + window - nowMs
                admission.retryAfterSeconds = Int(max(1, (wait + 999) / 1000))
            } else if every(faults.rateLimitBodyEvery) {
                admission.fault = .rateLimitBody
            } else if faults.serverErrorRate > 0, chance(faults.serverErrorRate, request: number) {
                admission.fault = .serverError
            } else if every(faults.htmlErrorEvery) {
                admission.fault = .htmlError
            } else if every(faults.truncatedBodyEvery) {
                admission.fault = .truncatedBody
            }
            Self.bound(&admission, key: RequestKey(stream: stream, body: body), in: &state)
            if admission.fault != .rateLimitExceeded { state.admittedMs.append(nowMs) }
            if let fault = admission.fault { state.stats.faults[fault, default: 0] += 1 }
            if faults.delayMilliseconds > 0 { state.stats.faults[.delayed, default: 0] += 1 }
            return admission
        }
    }

    /// Applies `maxFaultsInARow`: a request that already failed that many times in a row is served.
    private static func bound(_ admission: inout Admission, key: RequestKey, in state: inout Inner) {
        let limit = admission.faults.maxFaultsInARow
        guard limit > 0 else { return }
        let fault = admission.fault
        guard let fault, fault != .rateLimitExceeded else {
            if fault == nil { state.faultsInARow[key] = nil }
            return
        }
        let before = state.faultsInARow[key, default: 0]
        if before >= limit {
            admission.fault = nil
            state.faultsInARow[key] = nil
        } else {
            state.faultsInARow[key] = before + 1
        }
    }

    /// Counts a raw data request refused before admission (wrong method): no fault applies to it.
    func countUnserved(stream: String, status: Int, nowMs: Int64) {
        inner.withLock {
            $0.stats.arrived(stream: stream, atMs: nowMs)
            $0.stats.byStatus[status, default: 0] += 1
        }
    }

    private func chance(_ rate: Double, request number: Int) -> Bool {
        var random = SplitMix64(keys: seed, RandomPurpose.fault.rawValue, UInt64(number))
        return random.unit() < rate
    }

    /// Records how a raw data request was answered.
    func finished(status: Int, records: Int, servedPage: Bool, stuckPage: Bool) {
        inner.withLock {
            $0.stats.byStatus[status, default: 0] += 1
            $0.stats.recordsServed += records
            if servedPage { $0.stats.pagesServed += 1 }
            if stuckPage { $0.stats.faults[.stuckPage, default: 0] += 1 }
        }
    }

    /// Registers a token id; false when it was already used and is still within its lifetime.
    func useTokenId(_ jti: String, expires: Int64, now: Int64) -> Bool {
        inner.withLock { state in
            if state.seenTokenIds.count > 10_000 {
                state.seenTokenIds = state.seenTokenIds.filter { $0.value >= now }
            }
            if let until = state.seenTokenIds[jti], until >= now { return false }
            state.seenTokenIds[jti] = expires
            return true
        }
    }
}
