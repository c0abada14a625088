/// The commands of `qai-loader` grouped by the database rights they need, for `qai-loader check`.
public enum RightsGroup: String, Sendable, CaseIterable {
    /// `migrate`: the owner of the schema and its objects (or CREATE on the database before the
    /// schema exists).
    case migrate
    /// `sync`, `backfill` and `verify`: read and write the loader's tables, temporary staging
    /// tables, the schema's functions.
    case load
    /// `status`: read the bookkeeping and fact tables.
    case status

    /// The commands of the group, as the user types them.
    public var commands: [String] {
        switch self {
        case .migrate: ["migrate"]
        case .load: ["sync", "backfill", "verify"]
        case .status: ["status"]
        }
    }

    /// Tables whose name starts with one of these are written by `sync`, `backfill` and `verify`
    /// (`verify --repair` loads): facts, bridges, dimensions, bookkeeping and rollups.
    public static let loadedTablePrefixes = ["fact_", "bridge_", "dim_", "etl_", "rollup_"]

    /// The tables `status` reads.
    public static let statusTables = [
        "schema_migrations", "schema_repeatables", "etl_run", "etl_slice", "etl_watermark", "etl_rejected",
        "etl_account_request", "etl_account_budget", "etl_stream_paging",
        "fact_conversation",
    ]

    /// The tables `migrate` keeps what it applied in (migrations, repeatable scripts); the other
    /// commands only read them.
    public static let migrationsTables = ["schema_migrations", "schema_repeatables"]
}
