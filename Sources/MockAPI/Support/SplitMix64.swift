/// A small, fast, seedable pseudo-random generator (Steele, Lea and Flood's SplitMix64).
///
/// Every random choice the mock makes comes from a generator keyed by what it is about
/// (seed, stream, conversation index, purpose, epoch), never from a global generator, so the data
/// is a pure function of those keys.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator keyed by several values: each key is mixed into the state in order.
    init(keys: UInt64...) {
        var state: UInt64 = 0x6A09_E667_F3BC_C908
        for key in keys {
            state = Self.mix(state ^ Self.mix(key &+ 0x9E37_79B9_7F4A_7C15))
        }
        self.state = state
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A value in `0..<bound` (bound > 0), by multiply-high (no modulo bias worth caring about).
    mutating func below(_ bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A value in the closed range.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with the given probability in percent.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// A uniformly chosen element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// A value in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A stable 64-bit FNV-1a hash of a string's UTF-8 bytes (Swift's `hashValue` changes per process).
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
}

/// Purposes that key the generators, so that adding a choice for one purpose never shifts another.
enum RandomPurpose: UInt64 {
    case header = 1
    case body = 2
    case audit = 3
    case style = 4
    case agentRename = 5
    case fault = 6
    case identifier = 7
    case clockAudit = 8
    case clockRename = 9
}
