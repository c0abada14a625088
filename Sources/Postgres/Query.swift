/// A SQL statement whose values travel as bind parameters (`$1`, `$2`, ...), never spliced into
/// the text. Build it by interpolation: `"SELECT * FROM t WHERE id = \(id)"` binds `id`.
/// Identifiers go through `\(identifier:)`, which quotes them.
public struct Query: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The SQL text with `$n` placeholders.
    public private(set) var sql: String
    /// The parameters in text format (nil = NULL).
    public private(set) var binds: [String?]
    /// A short name for errors and logs; defaults to the first line of the SQL.
    public var name: String?

    /// A statement from trusted SQL text with explicit parameters. Never build `unsafeSQL` from input.
    public init(unsafeSQL: String, binds: [String?] = [], name: String? = nil) {
        self.sql = unsafeSQL
        self.binds = binds
        self.name = name
    }

    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    /// A statement built by interpolation, with a name for errors and logs.
    public init(_ query: Query, name: String) {
        self = query
        self.name = name
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, binds: stringInterpolation.binds)
    }

    /// The statement's name for errors: never includes bind values.
    public var label: String {
        if let name { return name }
        let firstLine = sql.split(whereSeparator: \.isNewline).first.map(String.init) ?? sql
        let trimmed = String(firstLine.drop(while: { $0 == " " || $0 == "\t" }))
        return trimmed.count > 80 ? String(trimmed.prefix(77)) + "..." : trimmed
    }

    /// Shows the SQL and how many parameters it binds, never their values.
    public var description: String { "\(sql) [\(binds.count) parameters]" }

    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds a value as the next `$n` parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            binds.append(value.postgresText)
            sql += "$\(binds.count)"
        }

        /// Binds an optional value as the next `$n` parameter, NULL for nil.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            binds.append(value?.postgresText)
            sql += "$\(binds.count)"
        }

        /// Inserts a quoted identifier (schema, table or column name).
        public mutating func appendInterpolation(identifier: Identifier) {
            sql += identifier.quoted
        }

        /// Inserts `schema.object`, both quoted: `FROM \(schema, "etl_run")`. The object name is a
        /// literal of the code, never input.
        public mutating func appendInterpolation(_ schema: Identifier, _ object: StaticString) {
            sql += schema.qualifying(object.description)
        }

        /// Inserts another query's SQL, its parameters renumbered after the ones bound so far: a
        /// part of a statement chosen at run time (`WHERE` or not) stays bound, never spliced.
        public mutating func appendInterpolation(fragment: Query) {
            sql += fragment.sql.renumberingParameters(by: binds.count)
            binds += fragment.binds
        }
    }
}

extension String {
    /// The SQL with every `$n` parameter reference moved up by `offset`. Fragments are the code's
    /// own SQL: a `$` followed by digits is always a parameter there (dollar quotes are `$$` or
    /// `$tag$`, whose tags cannot start with a digit).
    func renumberingParameters(by offset: Int) -> String {
        guard offset > 0, contains("$") else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 8)
        var index = startIndex
        while index < endIndex {
            let character = self[index]
            index = self.index(after: index)
            guard character == "$" else {
                result.append(character)
                continue
            }
            var digits = ""
            while index < endIndex, let digit = self[index].wholeNumberValue, self[index].isASCII {
                digits += String(digit)
                index = self.index(after: index)
            }
            result += digits.isEmpty ? "$" : "$\((Int(digits) ?? 0) + offset)"
        }
        return result
    }
}
