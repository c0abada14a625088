import Foundation
import Warehouse

/// One policy's figures over all nights.
struct LifecycleResult {
    let mode: ResweepPolicy.Mode
    var nights: [LifecycleNight] = []

    mutating func add(_ night: LifecycleNight) { nights.append(night) }

    var newDataPerNight: Double { average(\.newDataRequests) }
    var resweepPerNight: Double { average(\.resweepRequests) }
    var maxHoles: Int { nights.map(\.holes).max() ?? 0 }
    /// Audit changes of conversations that left the window during the run, made while they were
    /// inside it, that no fetch saw (`LifecycleMisses`).
    var missed = 0
    var ages: [Int64] { nights.flatMap(\.staleAges).sorted() }
    var averageStale: Double { average(\.stale) }

    private func average(_ figure: KeyPath<LifecycleNight, Int>) -> Double {
        nights.isEmpty ? 0 : Double(nights.reduce(0) { $0 + $1[keyPath: figure] }) / Double(nights.count)
    }

    var summaryLine: String {
        "  \(mode.rawValue): done; lag model at the last night: \(nights.last?.model ?? "-")"
    }

    /// The `q` quantile (0...1) of sorted ages, in hours (0 when empty).
    static func quantile(_ sorted: [Int64], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded(.up)))
        return Double(sorted[index]) / 3_600
    }

    static func table(_ results: [LifecycleResult]) -> String {
        var lines = [
            "| policy | requests/night: new data | re-sweep | holes after a night (max) | stale right after a night (avg) "
                + "| stale age p50 | p95 | max | changes missed inside the window |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for result in results {
            let ages = result.ages
            lines.append(
                String(
                    format: "| %@ | %.1f | %.1f | %d | %.1f | %.1f h | %.1f h | %.1f h | %d |",
                    result.mode.rawValue as NSString, result.newDataPerNight, result.resweepPerNight, result.maxHoles,
                    result.averageStale, quantile(ages, 0.5), quantile(ages, 0.95), quantile(ages, 1), result.missed))
        }
        return lines.joined(separator: "\n")
    }
}
