extension RecordDecoder {
    mutating func generatedIntents(_ node: Int) -> [Conversation.GeneratedIntent] {
        var result: [Conversation.GeneratedIntent] = []
        let table = KeyMap.generatedIntent
        forEachObject(node, "generatedIntents") { decoder, object in
            var intent = Conversation.GeneratedIntent()
            decoder.tape.forEachMember(of: object) { key, value in
                switch KeyMap.code(table, decoder.tape, key).flatMap(GeneratedIntentField.init) {
                case .name: intent.name = intent.name ?? decoder.text(value, "generatedIntents.name")
                case .confidence:
                    intent.confidence = decoder.decimal(value, "generatedIntents.confidence") ?? intent.confidence
                case .sentiment:
                    intent.sentiment = decoder.text(value, "generatedIntents.sentiment") ?? intent.sentiment
                case .sentimentScore:
                    intent.sentimentScore =
                        decoder.decimal(value, "generatedIntents.sentimentScore") ?? intent.sentimentScore
                case .resolution:
                    intent.resolution = decoder.verbatim(value, "generatedIntents.resolution") ?? intent.resolution
                case .keywords:
                    if intent.keywords.isEmpty { intent.keywords = decoder.strings(value, "generatedIntents.keywords") }
                case nil: break
                }
            }
            result.append(intent)
        }
        return result
    }

    /// Flattens any configured-taxonomy shape into leaf paths; the first spelling that yields
    /// leaves wins. A `Taxonomy Resolution` inside the taxonomy fills the conversation's field.
    mutating func configuredIntents(_ node: Int, into conversation: inout Conversation) {
        guard conversation.configuredIntents.isEmpty else { return }
        var leaves: [Conversation.ConfiguredIntent] = []
        var resolution: String?
        flatten(node, path: [], into: &leaves, taxonomyResolution: &resolution)
        conversation.configuredIntents = leaves
        if conversation.taxonomyResolution == nil { conversation.taxonomyResolution = resolution }
    }

    private mutating func flatten(
        _ node: Int, path: [String], into leaves: inout [Conversation.ConfiguredIntent],
        taxonomyResolution: inout String?
    ) {
        switch tape[node].kind {
        case .array:
            tape.forEachElement(of: node) {
                flatten($0, path: path, into: &leaves, taxonomyResolution: &taxonomyResolution)
            }
        case .object:
            var entry = TaxonomyEntry()
            read(node, into: &entry, taxonomyResolution: &taxonomyResolution)
            if entry.levels.contains(where: { $0 != nil }) {
                var fullPath = path
                for (level, name) in entry.levels.enumerated() {
                    guard let name else { continue }
                    while fullPath.count < level { fullPath.append("") }
                    if level < fullPath.count { fullPath[level] = name } else { fullPath.append(name) }
                }
                descend(entry, path: fullPath, into: &leaves, taxonomyResolution: &taxonomyResolution)
            } else if let name = entry.name {
                descend(entry, path: path + [name], into: &leaves, taxonomyResolution: &taxonomyResolution)
            } else {
                for child in entry.children {
                    flatten(child, path: path, into: &leaves, taxonomyResolution: &taxonomyResolution)
                }
            }
        case .string, .number, .bool:
            if let name = text(node, "configuredIntents") { leaves.append(Self.leaf(path + [name], TaxonomyEntry())) }
        case .null:
            break
        }
    }

    /// Emits `entry` as a leaf at `path`, or recurses into its children when it has any.
    private mutating func descend(
        _ entry: TaxonomyEntry, path: [String], into leaves: inout [Conversation.ConfiguredIntent],
        taxonomyResolution: inout String?
    ) {
        let before = leaves.count
        for child in entry.children {
            flatten(child, path: path, into: &leaves, taxonomyResolution: &taxonomyResolution)
        }
        if leaves.count == before { leaves.append(Self.leaf(path, entry)) }
    }

    private mutating func read(_ object: Int, into entry: inout TaxonomyEntry, taxonomyResolution: inout String?) {
        let table = KeyMap.configuredIntent
        tape.forEachMember(of: object) { key, value in
            switch KeyMap.code(table, tape, key).flatMap(ConfiguredIntentField.init) {
            case .l1: levelValue(value, 0, &entry)
            case .l2: levelValue(value, 1, &entry)
            case .l3: levelValue(value, 2, &entry)
            case .name: entry.name = entry.name ?? text(value, "configuredIntents.name")
            case .confidence: entry.confidence = decimal(value, "configuredIntents.confidence") ?? entry.confidence
            case .sentiment: entry.sentiment = text(value, "configuredIntents.sentiment") ?? entry.sentiment
            case .resolution: entry.resolution = verbatim(value, "configuredIntents.resolution") ?? entry.resolution
            case .children: if tape[value].kind != .null { entry.children.append(value) }
            case .taxonomyResolution:
                taxonomyResolution = verbatim(value, "configuredIntents.taxonomyResolution") ?? taxonomyResolution
            case .level, nil: break
            }
        }
    }

    /// An `L1`/`L2`/`L3` member: text names the level; a list or object holds the levels below.
    private mutating func levelValue(_ value: Int, _ level: Int, _ entry: inout TaxonomyEntry) {
        switch tape[value].kind {
        case .array, .object: entry.children.append(value)
        default: entry.levels[level] = text(value, "configuredIntents.L\(level + 1)") ?? entry.levels[level]
        }
    }

    private static func leaf(_ path: [String], _ entry: TaxonomyEntry) -> Conversation.ConfiguredIntent {
        Conversation.ConfiguredIntent(
            l1: path[0], l2: path.count > 1 ? path[1] : nil,
            l3: path.count > 2 ? path[2...].joined(separator: " > ") : nil, confidence: entry.confidence,
            sentiment: entry.sentiment, resolution: entry.resolution)
    }
}

/// One object of a configured taxonomy while it is being flattened.
struct TaxonomyEntry {
    /// Explicit `L1`, `L2`, `L3` names of a flat entry.
    var levels: [String?] = [nil, nil, nil]
    var name: String?
    var confidence: DecimalText?
    var sentiment: String?
    var resolution: String?
    var children: [Int] = []
}
