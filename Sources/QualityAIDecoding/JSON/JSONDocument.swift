/// A parsed JSON text: the input bytes plus the tape of nodes `JSONParser` built over them.
///
/// Node 0 is the top-level value. Read values through `withTape` (fast, no copies) or convert a
/// subtree to a `JSONValue` tree with `value(at:)`.
public struct JSONDocument: Sendable {
    /// The bytes the document was parsed from.
    public let bytes: [UInt8]
    /// The tape, in document order.
    public let nodes: [JSONNode]
    /// True when some string is flagged `JSONNode.needsSanitising`.
    public let containsTextNeedingSanitising: Bool

    /// Index of the top-level value.
    public var root: Int { 0 }

    /// Calls `body` with an allocation-free view of the document.
    public func withTape<R, E: Error>(_ body: (JSONTape) throws(E) -> R) throws(E) -> R {
        try bytes.withUnsafeBufferPointer { (bytes) throws(E) -> R in
            try nodes.withUnsafeBufferPointer { (nodes) throws(E) -> R in
                try body(JSONTape(bytes: bytes, nodes: nodes))
            }
        }
    }

    /// The value at node `index` as a tree.
    public func value(at index: Int) -> JSONValue {
        withTape { $0.value(at: index) }
    }

    /// The exact JSON text of the value at node `index`.
    public func text(at index: Int) -> String {
        withTape { $0.text(at: index) }
    }
}

/// An unsafe view of a `JSONDocument`, valid only inside `JSONDocument.withTape`.
public struct JSONTape {
    /// The document's bytes.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// The document's nodes.
    public let nodes: UnsafeBufferPointer<JSONNode>

    /// The node at `index`.
    @inline(__always)
    public subscript(_ index: Int) -> JSONNode { nodes[index] }

    /// Index of the first node after the subtree at `index`.
    @inline(__always)
    public func next(_ index: Int) -> Int { Int(nodes[index].next) }

    /// Calls `body` with the index of each element of the array at `index`.
    @inline(__always)
    public func forEachElement(of index: Int, _ body: (Int) throws -> Void) rethrows {
        var child = index + 1
        let end = next(index)
        while child < end {
            try body(child)
            child = next(child)
        }
    }

    /// Calls `body` with the key and value node indices of each member of the object at `index`.
    @inline(__always)
    public func forEachMember(of index: Int, _ body: (_ key: Int, _ value: Int) throws -> Void) rethrows {
        var key = index + 1
        let end = next(index)
        while key < end {
            try body(key, key + 1)
            key = next(key + 1)
        }
    }

    /// The exact JSON text of the value at `index` (strings include their quotes).
    public func text(at index: Int) -> String {
        let node = nodes[index]
        let start = Int(node.start) - (node.kind == .string ? 1 : 0)
        let end = Int(node.end) + (node.kind == .string ? 1 : 0)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The raw bytes between a string's quotes or of a number literal.
    @inline(__always)
    public func rawBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let node = nodes[index]
        return UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.end)])
    }

    /// The value at `index` as a tree.
    public func value(at index: Int) -> JSONValue {
        let node = nodes[index]
        switch node.kind {
        case .null: return .null
        case .bool: return .bool(node.count == 1)
        case .number: return .number(text(at: index))
        case .string: return .string(string(at: index))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(node.count))
            forEachElement(of: index) { elements.append(value(at: $0)) }
            return .array(elements)
        case .object:
            var members: [(key: String, value: JSONValue)] = []
            members.reserveCapacity(Int(node.count))
            forEachMember(of: index) { members.append((string(at: $0), value(at: $1))) }
            return .object(members)
        }
    }
}
