import Synchronization

@testable import QualityAI

/// SplitMix64: a tiny seeded generator, so jitter is reproducible in tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A virtual clock: `sleep` returns at once after moving the time forward to the sleeper's wake time.
final class VirtualClock: PacingClock {
    private let time = Mutex(Duration.zero)
    private let sleeps = Mutex([Duration]())

    func now() -> Duration { time.withLock { $0 } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        let wake = now() + duration
        sleeps.withLock { $0.append(duration) }
        time.withLock { $0 = max($0, wake) }
        await Task.yield()
    }

    /// The durations slept, in order.
    var sleptDurations: [Duration] { sleeps.withLock { $0 } }
}

/// A settable wall clock in epoch seconds for the token provider.
final class ManualWallClock: Sendable {
    private let seconds: Mutex<Int64>

    init(_ start: Int64) { seconds = Mutex(start) }

    var now: Int64 { seconds.withLock { $0 } }

    func set(_ value: Int64) { seconds.withLock { $0 = value } }
}

/// Secret values planted in fixtures; no description may contain them.
enum PlantedSecrets {
    static let clientSecret = "cs-9f1c2b7e-SECRET-d41d8cd98f00b204"
    static let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6ImNzLTEyMyJ9.c2lnbmF0dXJlLVNFQ1JFVC1KV1Q"

    static func appears(in text: String) -> Bool {
        text.contains(clientSecret) || text.contains(jwt) || text.contains("SECRET")
    }
}
