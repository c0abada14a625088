import Warehouse

/// The `database: rights for ...` lines of `qai-loader check`: one per command group, saying what
/// the group needs and whether the connected role has it. A missing right fails the check only
/// when the group is required (`check --for`); otherwise the line is informational.
struct RightsCheck {
    let rights: DatabaseRights
    let required: Set<RightsGroup>

    /// One result per command group, in the order migrate, load, status.
    var results: [CheckResult] { RightsGroup.allCases.map(result) }

    static func name(_ group: RightsGroup) -> String {
        "rights for " + group.commands.joined(separator: ", ")
    }

    /// What the group needs, in words.
    static func needs(_ group: RightsGroup, schema: String, schemaExists: Bool) -> String {
        switch group {
        case .migrate:
            schemaExists
                ? "the owner's rights on schema \(schema) and everything in it"
                : "CREATE on the database (schema \(schema) does not exist yet)"
        case .load:
            "USAGE on schema \(schema), SELECT, INSERT, UPDATE, DELETE on its "
                + RightsGroup.loadedTablePrefixes.map { $0 + "*" }.joined(separator: ", ")
                + " tables, SELECT on \(RightsGroup.migrationsTables.joined(separator: " and ")), EXECUTE on its functions, "
                + "TEMPORARY on the database"
        case .status:
            "USAGE on schema \(schema), SELECT on " + RightsGroup.statusTables.joined(separator: ", ")
        }
    }

    private func result(_ group: RightsGroup) -> CheckResult {
        let name = Self.name(group)
        let needs = Self.needs(group, schema: rights.schema, schemaExists: rights.schemaExists)
        let missing = rights.missing(for: group)
        let role = rights.user
        if missing.isEmpty {
            if group != .migrate, !rights.schemaExists {
                return .skip("database", name, "schema \(rights.schema) does not exist yet (run qai-loader migrate)")
            }
            let commands = group.commands.joined(separator: ", ")
            return .ok(
                "database", name,
                "role \(role) has what \(commands) need\(group.commands.count == 1 ? "s" : ""): \(needs)")
        }
        let lacking = missing.map(\.right).joined(separator: "; ")
        guard required.contains(group) else {
            var detail = "not needed by this role: \(group.commands.joined(separator: ", ")) needs \(needs)"
            if group == .migrate, let owner = rights.schemaOwner { detail += "; run migrate as \(owner)" }
            detail += "; role \(role) lacks \(lacking) (check --for \(group.commands[0]) to require it)"
            return .info("database", name, detail)
        }
        let grants = missing.map(\.grant).joined(separator: "; ")
        var advice = "as the schema's owner or a superuser run: " + grants
        if group == .migrate {
            advice = "as a superuser run: " + grants
            if let owner = rights.schemaOwner { advice = "run migrate as \(owner) (the schema's owner), or " + advice }
        }
        return .fail(
            "database", name, "role \(role) lacks \(lacking) (\(needs))", advice: advice, failure: .refused)
    }
}
