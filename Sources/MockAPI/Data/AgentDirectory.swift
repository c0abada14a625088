/// The agents, queues and metrics of a seed: ids are fixed; agent names change in later epochs
/// (same id, new name), as when an agent's name is corrected or changes in the HR system.
struct AgentDirectory: Sendable {
    let seed: UInt64
    let agentIds: [String]
    let agentEmails: [String]
    let queueIds: [String]
    let metricIds: [String]

    init(seed: UInt64) {
        self.seed = seed
        agentIds = Pools.agentNames.indices.map { Identifiers.agentId(seed: seed, agent: $0) }
        agentEmails = Pools.agentNames.indices.map { "agent\($0 + 1)@contact-centre.mock.invalid" }
        queueIds = Pools.queueNames.indices.map { Identifiers.queueId(seed: seed, queue: $0) }
        metricIds = Pools.metrics.indices.map { Identifiers.metricId(seed: seed, metric: $0) }
    }

    var agentCount: Int { agentIds.count }

    /// Every agent's name at an epoch: each epoch after 0 renames at least one agent (and each other
    /// agent with a small chance), always to a name different from the one it had.
    func agentNames(epoch: Int) -> [String] {
        var names = Pools.agentNames
        guard epoch > 0 else { return names }
        for step in 1...epoch {
            var stepRandom = SplitMix64(keys: seed, RandomPurpose.agentRename.rawValue, UInt64(step))
            let primary = stepRandom.below(names.count)
            for agent in names.indices {
                var random = SplitMix64(keys: seed, RandomPurpose.agentRename.rawValue, UInt64(step), UInt64(agent))
                guard agent == primary || random.chance(4) else { continue }
                let first = Pools.agentNames[agent].split(separator: " ").first.map(String.init) ?? "Agent"
                let offset = random.below(Pools.renameSurnames.count)
                for attempt in Pools.renameSurnames.indices {
                    let surname = Pools.renameSurnames[(offset + attempt) % Pools.renameSurnames.count]
                    let candidate = first + " " + surname
                    if candidate != names[agent] {
                        names[agent] = candidate
                        break
                    }
                }
            }
        }
        return names
    }
}
