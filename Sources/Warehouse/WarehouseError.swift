/// A failure of the warehouse layer (migrations, loading, run records), saying what to do.
public struct WarehouseError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; an open set of static members.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case migrationEdited, databaseNewer, schemaOutdated, invalidMigration, lockHeld, lockConflict, database,
                unknownStream, citusMissing
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// An applied migration's file changed since it ran.
        public static let migrationEdited = Code(.migrationEdited)
        /// The database has migrations this binary does not know.
        public static let databaseNewer = Code(.databaseNewer)
        /// The database lacks migrations this binary needs (run `qai-loader migrate`).
        public static let schemaOutdated = Code(.schemaOutdated)
        /// A migration file is misnamed or duplicated.
        public static let invalidMigration = Code(.invalidMigration)
        /// Another process holds the lock for this work.
        public static let lockHeld = Code(.lockHeld)
        /// Another session's locks (or deadlocks) kept a transaction from committing through every retry.
        public static let lockConflict = Code(.lockConflict)
        /// The database reported an error.
        public static let database = Code(.database)
        /// The warehouse has no state (watermark or slices) for the named stream.
        public static let unknownStream = Code(.unknownStream)
        /// `migrate --distribute` on a database without the citus extension (or without workers).
        public static let citusMissing = Code(.citusMissing)

        public var description: String { base.rawValue }
    }

    public var code: Code
    public var message: String
    /// What the user should do.
    public var advice: String?

    public init(code: Code, message: String, advice: String? = nil) {
        self.code = code
        self.message = message
        self.advice = advice
    }

    public var description: String {
        advice.map { "\(message)\nWhat to do: \($0)" } ?? message
    }
}
