extension DatabaseRights {
    /// The rights the role lacks for the commands of `group`, in a fixed order, each with its GRANT.
    /// Empty when the role has them all. Before the first migration only what can be checked
    /// without the schema is reported (CREATE and TEMPORARY on the database).
    public func missing(for group: RightsGroup) -> [MissingRight] {
        switch group {
        case .migrate: missingForMigrate()
        case .load: missingForLoad()
        case .status: missingUsage() + missingTablePrivileges(Self.statusNeeds)
        }
    }

    private var role: String { MissingRight.quote(user) }
    private var quotedSchema: String { MissingRight.quote(schema) }

    private func missingForMigrate() -> [MissingRight] {
        guard let schemaOwner else {
            guard !canCreateInDatabase else { return [] }
            return [
                MissingRight(
                    right: "CREATE on database \(database) (schema \(schema) does not exist yet)",
                    grant: "GRANT CREATE ON DATABASE \(MissingRight.quote(database)) TO \(role)")
            ]
        }
        var byOwner: [String: [String]] = [:]
        if !ownsSchema { byOwner[schemaOwner, default: []].append("schema \(schema)") }
        for table in tables where !table.owned { byOwner[table.owner, default: []].append("table \(table.name)") }
        for function in functions where !function.owned {
            byOwner[function.owner, default: []].append("function \(function.name)")
        }
        for sequence in sequences where !sequence.owned {
            byOwner[sequence.owner, default: []].append("sequence \(sequence.name)")
        }
        return byOwner.keys.sorted().map { owner in
            let objects = byOwner[owner] ?? []
            let list =
                objects.count > 4
                ? objects.prefix(3).joined(separator: ", ") + " and \(objects.count - 3) more objects"
                : objects.joined(separator: ", ")
            return MissingRight(
                right: "the owner's rights (role \(owner)) on \(list) in schema \(schema)",
                grant: "GRANT \(MissingRight.quote(owner)) TO \(role)")
        }
    }

    private func missingForLoad() -> [MissingRight] {
        var missing = missingUsage()
        if !canUseTemporaryTables {
            missing.append(
                MissingRight(
                    right: "TEMPORARY on database \(database) (staging tables)",
                    grant: "GRANT TEMPORARY ON DATABASE \(MissingRight.quote(database)) TO \(role)"))
        }
        missing += missingTablePrivileges(Self.loadNeeds)
        for sequence in sequences where !sequence.usable {
            missing.append(
                MissingRight(
                    right: "USAGE on sequence \(schema).\(sequence.name)",
                    grant: "GRANT USAGE ON SEQUENCE \(quotedSchema).\(MissingRight.quote(sequence.name)) TO \(role)"))
        }
        for function in functions where !function.usable {
            missing.append(
                MissingRight(
                    right: "EXECUTE on function \(schema).\(function.name)",
                    grant: "GRANT EXECUTE ON FUNCTION \(quotedSchema).\(function.name) TO \(role)"))
        }
        return missing
    }

    private func missingUsage() -> [MissingRight] {
        guard schemaExists, !canUseSchema else { return [] }
        return [
            MissingRight(right: "USAGE on schema \(schema)", grant: "GRANT USAGE ON SCHEMA \(quotedSchema) TO \(role)")
        ]
    }

    /// SELECT, INSERT, UPDATE and DELETE on the loader's tables; SELECT on `schema_migrations` and
    /// `schema_repeatables`.
    static func loadNeeds(_ table: String) -> [String] {
        if RightsGroup.migrationsTables.contains(table) { return ["SELECT"] }
        let loaded = RightsGroup.loadedTablePrefixes.contains { table.hasPrefix($0) }
        return loaded ? ["SELECT", "INSERT", "UPDATE", "DELETE"] : []
    }

    /// SELECT on the tables `status` reads.
    static func statusNeeds(_ table: String) -> [String] {
        RightsGroup.statusTables.contains(table) ? ["SELECT"] : []
    }

    /// One entry per set of lacking privileges, naming its tables, with one GRANT for them.
    private func missingTablePrivileges(_ needs: (String) -> [String]) -> [MissingRight] {
        var groups: [[String]: [String]] = [:]
        var order: [[String]] = []
        for table in tables {
            let lacking = needs(table.name).filter { !table.privileges.contains($0) }
            guard !lacking.isEmpty else { continue }
            if groups[lacking] == nil { order.append(lacking) }
            groups[lacking, default: []].append(table.name)
        }
        return order.map { privileges in
            let names = groups[privileges] ?? []
            let list = names.map { "\(schema).\($0)" }.joined(separator: ", ")
            let quoted = names.map { "\(quotedSchema).\(MissingRight.quote($0))" }.joined(separator: ", ")
            let privilegeList = privileges.joined(separator: ", ")
            return MissingRight(
                right: "\(privilegeList) on table\(names.count == 1 ? "" : "s") \(list)",
                grant: "GRANT \(privilegeList) ON TABLE \(quoted) TO \(role)")
        }
    }
}
