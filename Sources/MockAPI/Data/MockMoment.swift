/// The point in the data's history a request sees: an epoch (epoch mode) or a simulated time in
/// epoch seconds (clock mode).
enum MockMoment: Sendable, Equatable {
    case epoch(Int)
    case clock(Int64)

    /// The simulated time in clock mode.
    var time: Int64? {
        if case .clock(let time) = self { time } else { nil }
    }

    /// The epoch in epoch mode.
    var epoch: Int? {
        if case .epoch(let epoch) = self { epoch } else { nil }
    }
}
