/// A hash table from normalised JSON keys to small field codes.
///
/// A key is normalised by lowercasing ASCII letters and dropping spaces and underscores, so
/// `conversationId`, `"Conversation ID"` and `conversation_id` are one key. Lookups hash the raw
/// key bytes on the fly (FNV-1a over the normalised bytes) and confirm a hit by comparing the
/// normalised bytes, without building a `String`.
struct KeyTable: Sendable {
    private var hashes: [UInt64]
    private var codes: [UInt8]
    private var names: [[UInt8]]
    private let mask: Int

    /// Builds a table from `(spelling, code)` pairs; spellings that normalise alike must agree.
    init(_ entries: [(String, UInt8)]) {
        var size = 16
        while size < entries.count * 4 { size <<= 1 }
        mask = size - 1
        hashes = Array(repeating: 0, count: size)
        codes = Array(repeating: 0, count: size)
        names = Array(repeating: [], count: size)
        for (spelling, code) in entries {
            let name = Self.normalise(Array(spelling.utf8))
            let hash = Self.hash(name)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while hashes[slot] != 0, names[slot] != name { slot = (slot + 1) & mask }
            precondition(hashes[slot] == 0 || codes[slot] == code, "key \(spelling) maps to two fields")
            hashes[slot] = hash
            codes[slot] = code
            names[slot] = name
        }
    }

    /// The code for a raw key (the bytes between its quotes, without escapes), or nil.
    @inline(__always)
    func code(for key: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key where byte != 0x20 && byte != 0x5F {
            hash = (hash ^ UInt64(Self.lower(byte))) &* 0x0100_0000_01b3
        }
        if hash == 0 { hash = 1 }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash, Self.matches(key, names[slot]) { return codes[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The code for a key given as text (used for keys that contain escapes).
    func code(for key: String) -> UInt8? {
        var key = key
        return key.withUTF8 { code(for: $0) }
    }

    static func normalise(_ bytes: [UInt8]) -> [UInt8] {
        bytes.filter { $0 != 0x20 && $0 != 0x5F }.map(lower)
    }

    static func hash(_ normalised: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in normalised { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
        return hash == 0 ? 1 : hash
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    private static func matches(_ key: UnsafeBufferPointer<UInt8>, _ name: [UInt8]) -> Bool {
        var index = 0
        for byte in key where byte != 0x20 && byte != 0x5F {
            guard index < name.count, name[index] == lower(byte) else { return false }
            index += 1
        }
        return index == name.count
    }
}
