extension RecordDecoder {
    /// `custom_fields` sorted by key; values other than strings are kept as their JSON text.
    mutating func customFields(_ node: Int) -> [Conversation.CustomField] {
        guard tape[node].kind == .object else {
            if !ValueReader.isAbsent(tape, node) { drift("customFields", node) }
            return []
        }
        var fields: [(field: Conversation.CustomField, order: Int)] = []
        fields.reserveCapacity(Int(tape[node].count))
        tape.forEachMember(of: node) { key, value in
            let text: String?
            switch tape[value].kind {
            case .null: text = nil
            case .string: text = ValueReader.string(tape, value)
            case .number, .bool: text = tape.text(at: value)
            case .array, .object: text = jsonText(value).text
            }
            let field = Conversation.CustomField(key: ValueReader.string(tape, key), value: text)
            fields.append((field, fields.count))
        }
        fields.sort { $0.field.key != $1.field.key ? $0.field.key < $1.field.key : $0.order < $1.order }
        return fields.map(\.field)
    }
}
