/// The in-process handle on a mock: its simulated clock or epoch and its ground truth, what the
/// `/mock/clock`, `/mock/epoch` and `/mock/truth` endpoints do, without HTTP. Building one
/// generates the stream indices (and, with `prewarm`, every record).
public final class MockControl: Sendable {
    let dataset: MockDataset
    let state: MockState

    public init(configuration: MockAPIConfiguration) {
        dataset = MockDataset(configuration: configuration)
        state = MockState(
            epoch: configuration.epoch, clock: configuration.clock, faults: configuration.faults,
            seed: configuration.seed)
        if configuration.prewarm {
            dataset.prewarm(moment: state.moment)
        }
    }

    public var configuration: MockAPIConfiguration { dataset.configuration }

    /// Whether the mock runs on a simulated clock (`configuration.clock` was set).
    public var isClockMode: Bool { configuration.clock != nil }

    /// The simulated now in epoch seconds; nil in epoch mode.
    public var now: Int64? { state.clock }

    /// The current epoch (epoch mode; stays at the configured one in clock mode).
    public var epoch: Int { state.epoch }

    /// When audits happen in clock mode.
    public var auditLag: AuditLagModel { configuration.auditLag }

    /// Sets the simulated now (it may also move back: the data is a function of the time).
    public func setClock(_ now: Int64) throws(MockControlError) {
        guard state.setClock(now) else { throw .notClockMode }
    }

    /// Moves the simulated now forward by `seconds` (not negative) and returns the new now.
    @discardableResult
    public func advanceClock(by seconds: Int64) throws(MockControlError) -> Int64 {
        precondition(seconds >= 0, "advanceClock(by:) moves forward only; use setClock to go back")
        guard let now = state.advanceClock(by: seconds) else { throw .notClockMode }
        return now
    }

    /// Sets the late-audit epoch (epoch mode only).
    public func setEpoch(_ epoch: Int) throws(MockControlError) {
        guard !isClockMode else { throw .notEpochMode }
        state.setEpoch(epoch)
    }

    /// Each conversation of a stream that starts in `[from, to]` (default the generated range) and
    /// exists at simulated time `at` (default now), with its audit fields at `at` and when they
    /// changed, ordered by id. Clock mode only.
    public func auditTruth(
        stream: String, from: Int64? = nil, to: Int64? = nil, at: Int64? = nil, includeBelowThreshold: Bool = true
    ) throws(MockControlError) -> [ConversationAuditTruth] {
        guard let now = state.clock else { throw .notClockMode }
        guard let index = dataset.streams[stream] else { throw .unknownStream(stream) }
        var filter = RecordFilter()
        filter.includeBelowThreshold = includeBelowThreshold
        let truth = WindowTruth(
            dataset: dataset, index: index, from: from ?? configuration.start, to: to ?? configuration.end,
            filter: filter, moment: .clock(at ?? now))
        return truth.conversations
    }

    /// The times of the agent renames at or before `at` (default now). Clock mode only.
    public func agentRenameTimes(at: Int64? = nil) throws(MockControlError) -> [Int64] {
        guard let now = state.clock else { throw .notClockMode }
        return dataset.renameTimes(through: at ?? now)
    }
}
