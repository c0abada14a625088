/// Vendor-looking identifiers (`c-`, `a-`, `qu-`, `em-` followed by a UUID-shaped hex string).
enum Identifiers {
    static func uuidLike(prefix: String, _ generator: inout SplitMix64) -> String {
        let high = generator.next()
        let low = generator.next()
        let hex = Array("0123456789abcdef".utf8)
        var bytes = Array(prefix.utf8)
        bytes.reserveCapacity(prefix.utf8.count + 36)
        var nibble = 0
        for group in [8, 4, 4, 4, 12] {
            if nibble > 0 { bytes.append(0x2D) }
            for _ in 0..<group {
                let word = nibble < 16 ? high : low
                bytes.append(hex[Int((word >> UInt64((nibble % 16) * 4)) & 0xF)])
                nibble += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func agentId(seed: UInt64, agent: Int) -> String {
        var generator = SplitMix64(keys: seed, RandomPurpose.identifier.rawValue, 1, UInt64(agent))
        return uuidLike(prefix: "a-", &generator)
    }

    static func queueId(seed: UInt64, queue: Int) -> String {
        var generator = SplitMix64(keys: seed, RandomPurpose.identifier.rawValue, 2, UInt64(queue))
        return uuidLike(prefix: "qu-", &generator)
    }

    static func metricId(seed: UInt64, metric: Int) -> String {
        var generator = SplitMix64(keys: seed, RandomPurpose.identifier.rawValue, 3, UInt64(metric))
        return uuidLike(prefix: "em-", &generator)
    }
}
