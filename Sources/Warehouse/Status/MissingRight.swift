/// One right a role lacks for a command group: what it is, exactly, and the statement that grants it.
public struct MissingRight: Sendable, Equatable {
    /// The right, e.g. `INSERT on table qai.fact_metric` or `TEMPORARY on database warehouse`.
    public var right: String
    /// The SQL that grants it, run as the object's owner or a superuser.
    public var grant: String

    public init(right: String, grant: String) {
        self.right = right
        self.grant = grant
    }

    /// `name` as a quoted SQL identifier.
    static func quote(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
