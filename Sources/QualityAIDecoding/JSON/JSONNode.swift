/// The kind of a value in a parsed JSON document.
public enum JSONKind: UInt8, Sendable {
    case null, bool, number, string, array, object
}

/// One entry of a `JSONDocument`'s tape: a value, its byte range and where its subtree ends.
///
/// Containers are followed by their children in document order (an object's children alternate
/// key string, value), so a subtree is the contiguous node range `index..<next`.
public struct JSONNode: Sendable {
    /// What the value is.
    public var kind: JSONKind
    /// Kind-specific bits, see the `JSONNode.*` flag constants.
    public var flags: UInt8
    /// Strings: offset after the opening quote. Others: offset of the first byte.
    public var start: UInt32
    /// Strings: offset of the closing quote. Others: offset after the last byte.
    public var end: UInt32
    /// Index of the first node after this value's subtree.
    public var next: UInt32
    /// Arrays: element count. Objects: member count. Booleans: 1 for `true`. Others: 0.
    public var count: UInt32

    /// String flag: the string contains at least one backslash escape.
    public static let hasEscapes: UInt8 = 1
    /// String flag: the string holds text PostgreSQL rejects (`\u0000`, an unpaired surrogate
    /// escape, invalid UTF-8 when the parser tolerates it). Number flag: the literal is too long or
    /// its exponent too large for PostgreSQL `numeric` (and so for a number inside `jsonb`).
    public static let needsSanitising: UInt8 = 2
    /// Number flag: the literal has no fraction and no exponent.
    public static let isInteger: UInt8 = 4
}
