/// A strict RFC 8259 JSON parser over bytes that builds a flat tape of `JSONNode`s.
///
/// Strings and numbers are not converted while parsing: nodes keep byte ranges into the input,
/// so callers convert only what they read. Nesting is limited (64 levels by default) and every
/// string is checked for valid UTF-8 and escapes.
public struct JSONParser: ~Copyable {
    /// Parser settings.
    public struct Options: Sendable {
        /// Deepest allowed nesting of arrays and objects.
        public var maxDepth: Int
        /// When true, invalid UTF-8 and unpaired surrogate escapes inside strings do not fail the
        /// parse; such strings are flagged `JSONNode.needsSanitising` and read back with U+FFFD.
        public var toleratesInvalidText: Bool

        public init(maxDepth: Int = 64, toleratesInvalidText: Bool = false) {
            self.maxDepth = maxDepth
            self.toleratesInvalidText = toleratesInvalidText
        }
    }

    /// Parses one complete JSON text (any value at the top, surrounded by optional whitespace).
    public static func parse(_ bytes: [UInt8], options: Options = Options()) throws(JSONError) -> JSONDocument {
        guard bytes.count < Int(UInt32.max) else {
            throw JSONError("input of \(bytes.count) bytes is larger than 4 GiB", at: 0)
        }
        let (nodes, flagged) = try bytes.withUnsafeBufferPointer { (buffer) throws(JSONError) in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                throw JSONError("empty input", at: 0)
            }
            var parser = JSONParser(base: base, count: buffer.count, options: options)
            try parser.parseDocument()
            return (parser.nodes, parser.sawTextNeedingSanitising)
        }
        return JSONDocument(bytes: bytes, nodes: nodes, containsTextNeedingSanitising: flagged)
    }

    let base: UnsafePointer<UInt8>
    let count: Int
    let maxDepth: Int
    let tolerant: Bool
    var pos = 0
    var nodes: [JSONNode]
    var sawTextNeedingSanitising = false

    init(base: UnsafePointer<UInt8>, count: Int, options: Options) {
        self.base = base
        self.count = count
        self.maxDepth = options.maxDepth
        self.tolerant = options.toleratesInvalidText
        nodes = []
        nodes.reserveCapacity(count / 10 + 16)
    }

    mutating func parseDocument() throws(JSONError) {
        try parseValue(depth: 0)
        skipWhitespace()
        if pos < count {
            throw JSONError("unexpected \(Self.describe(base[pos])) after the end of the JSON value", at: pos)
        }
    }

    mutating func parseValue(depth: Int) throws(JSONError) {
        skipWhitespace()
        guard pos < count else { throw JSONError("unexpected end of input", at: pos) }
        switch base[pos] {
        case UInt8(ascii: "{"): try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "t"): try parseLiteral("true", kind: .bool, count: 1)
        case UInt8(ascii: "f"): try parseLiteral("false", kind: .bool, count: 0)
        case UInt8(ascii: "n"): try parseLiteral("null", kind: .null, count: 0)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
        case let byte: throw JSONError("unexpected \(Self.describe(byte))", at: pos)
        }
    }

    mutating func parseObject(depth: Int) throws(JSONError) {
        guard depth <= maxDepth else { throw JSONError("nesting deeper than \(maxDepth) levels", at: pos) }
        let index = nodes.count
        nodes.append(JSONNode(kind: .object, flags: 0, start: UInt32(pos), end: 0, next: 0, count: 0))
        pos += 1
        var members: UInt32 = 0
        skipWhitespace()
        if pos < count, base[pos] == UInt8(ascii: "}") {
            pos += 1
        } else {
            while true {
                skipWhitespace()
                guard pos < count else { throw JSONError("unexpected end of input in an object", at: pos) }
                guard base[pos] == UInt8(ascii: "\"") else {
                    throw JSONError("expected a string key, found \(Self.describe(base[pos]))", at: pos)
                }
                try parseString()
                skipWhitespace()
                guard pos < count, base[pos] == UInt8(ascii: ":") else {
                    throw JSONError("expected ':' after an object key", at: pos)
                }
                pos += 1
                try parseValue(depth: depth)
                members += 1
                skipWhitespace()
                guard pos < count else { throw JSONError("unexpected end of input in an object", at: pos) }
                let byte = base[pos]
                pos += 1
                if byte == UInt8(ascii: ",") { continue }
                if byte == UInt8(ascii: "}") { break }
                throw JSONError("expected ',' or '}' in an object, found \(Self.describe(byte))", at: pos - 1)
            }
        }
        nodes[index].end = UInt32(pos)
        nodes[index].next = UInt32(nodes.count)
        nodes[index].count = members
    }

    mutating func parseArray(depth: Int) throws(JSONError) {
        guard depth <= maxDepth else { throw JSONError("nesting deeper than \(maxDepth) levels", at: pos) }
        let index = nodes.count
        nodes.append(JSONNode(kind: .array, flags: 0, start: UInt32(pos), end: 0, next: 0, count: 0))
        pos += 1
        var elements: UInt32 = 0
        skipWhitespace()
        if pos < count, base[pos] == UInt8(ascii: "]") {
            pos += 1
        } else {
            while true {
                try parseValue(depth: depth)
                elements += 1
                skipWhitespace()
                guard pos < count else { throw JSONError("unexpected end of input in an array", at: pos) }
                let byte = base[pos]
                pos += 1
                if byte == UInt8(ascii: ",") { continue }
                if byte == UInt8(ascii: "]") { break }
                throw JSONError("expected ',' or ']' in an array, found \(Self.describe(byte))", at: pos - 1)
            }
        }
        nodes[index].end = UInt32(pos)
        nodes[index].next = UInt32(nodes.count)
        nodes[index].count = elements
    }

    mutating func parseLiteral(_ word: StaticString, kind: JSONKind, count value: UInt32) throws(JSONError) {
        let length = word.utf8CodeUnitCount
        guard pos + length <= count, memcmpEqual(base + pos, word.utf8Start, length) else {
            throw JSONError("invalid literal, expected \(word)", at: pos)
        }
        let start = pos
        pos += length
        nodes.append(JSONNode(kind: kind, flags: 0, start: UInt32(start), end: UInt32(pos), next: 0, count: value))
        nodes[nodes.count - 1].next = UInt32(nodes.count)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < count {
            let byte = base[pos]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            pos += 1
        }
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
    }
}

@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}
