import Foundation

/// When audit changes become visible, relative to the conversation's start: a cumulative
/// distribution `share(within:)` that says which part of a conversation's audit changes have
/// happened by a given age. Learned from `fact_audit_history` (`ChangeLagModel+Learning.swift`),
/// or the documented prior while too little history exists.
public struct ChangeLagModel: Sendable, Equatable {
    /// Where the model came from.
    public enum Source: Sendable, Equatable {
        /// The documented prior (no or too little history).
        case prior
        /// Learned from this many observed changes.
        case learned(observations: Int)
    }

    public var source: Source
    /// Ages (seconds after the conversation start) at evenly spaced shares 0, 1/n, ..., 1 of the
    /// observed changes, ascending; empty for the prior.
    public var quantiles: [Double]

    /// The prior: a log-normal lag with a median of 36 hours where 80% of changes happen within
    /// 4 days (sigma 1.165), 95% within about 10 days. Audits land hours to weeks after a
    /// conversation, most within days.
    public static let prior = ChangeLagModel(source: .prior, quantiles: [])
    static let priorMedianSeconds = 36.0 * 3_600
    static let priorSigma = 1.165

    public init(source: Source, quantiles: [Double]) {
        self.source = source
        self.quantiles = quantiles
    }

    /// The share (0...1) of a conversation's audit changes that happen within `seconds` of its start.
    public func share(within seconds: Double) -> Double {
        guard seconds > 0 else { return 0 }
        guard quantiles.count >= 2 else {
            let z = (log(seconds) - log(Self.priorMedianSeconds)) / Self.priorSigma
            return 0.5 * (1 + erf(z / 2.0.squareRoot()))
        }
        guard seconds < quantiles[quantiles.count - 1] else { return 1 }
        guard seconds >= quantiles[0] else { return 0 }
        let step = 1 / Double(quantiles.count - 1)
        var low = 0
        var high = quantiles.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if quantiles[middle] <= seconds { low = middle } else { high = middle }
        }
        let span = quantiles[high] - quantiles[low]
        let within = span > 0 ? (seconds - quantiles[low]) / span : 1
        return (Double(low) + within) * step
    }

    /// The share of changes that happen between ages `from` and `to` (seconds after the start).
    public func share(from: Double, to: Double) -> Double {
        max(0, share(within: to) - share(within: from))
    }

    /// A one-line description for `status` and logs.
    public var summary: String {
        let median = ageAtShare(0.5) / 3_600
        let p80 = ageAtShare(0.8) / 86_400
        let origin: String
        switch source {
        case .prior: origin = "prior (no audit history yet)"
        case .learned(let observations): origin = "learned from \(observations) audit changes"
        }
        return "\(origin): median \(String(format: "%.0f", median)) h, 80% within "
            + "\(String(format: "%.1f", p80)) d"
    }

    /// The age by which `share` of the changes have happened (bisection on `share(within:)`).
    public func ageAtShare(_ target: Double) -> Double {
        var low = 0.0
        var high = 400.0 * 86_400
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if share(within: middle) < target { low = middle } else { high = middle }
        }
        return high
    }
}
