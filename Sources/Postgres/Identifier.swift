/// A SQL identifier (schema, table, column), always emitted double-quoted with embedded quotes
/// doubled, so no name can inject SQL.
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
    /// The name as the user gave it.
    public let name: String

    /// Creates an identifier; throws for names PostgreSQL cannot hold (empty, NUL, over 63 bytes).
    public init(_ name: String) throws(PostgresError) {
        guard !name.isEmpty, name.utf8.count <= 63, !name.utf8.contains(0) else {
            throw PostgresError(
                code: .invalidValue,
                message: "\"\(name.prefix(70))\" is not a usable PostgreSQL name: use 1 to 63 bytes, no NUL")
        }
        self.name = name
    }

    /// The identifier quoted for SQL text.
    public var quoted: String {
        "\"" + name.replacingAll("\"", with: "\"\"") + "\""
    }

    /// `schema.name`, both quoted.
    public func qualifying(_ object: String) -> String {
        quoted + "." + "\"" + object.replacingAll("\"", with: "\"\"") + "\""
    }

    public var description: String { quoted }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
