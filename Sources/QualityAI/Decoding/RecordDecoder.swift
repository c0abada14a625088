/// Decodes one element of a page's `results` into a `Conversation` or a rejection.
struct RecordDecoder {
    /// Why a record was rejected, and its (possibly cut) text.
    struct Rejection: Error {
        var reason: String
        var raw: String
    }

    let tape: JSONTape

    init(tape: JSONTape) {
        self.tape = tape
    }

    mutating func decode(_ record: Int, index: Int) -> Result<Conversation, Rejection> {
        guard tape[record].kind == .object else {
            return .failure(
                Rejection(reason: "record \(index) is a JSON \(tape[record].kind), not an object", raw: cutRaw(record)))
        }
        var id: String?
        var idProblem = "has no conversation id"
        let table = KeyMap.record
        tape.forEachMember(of: record) { key, value in
            guard KeyMap.code(table, tape, key) == RecordField.conversationId.rawValue, id == nil else { return }
            if tape[value].kind != .string {
                idProblem = "has a conversation id that is a JSON \(tape[value].kind), not a string"
            } else if let text = ValueReader.text(tape, value) {
                id = text
            } else {
                idProblem = "has an empty conversation id"
            }
        }
        guard let id else {
            return .failure(
                Rejection(
                    reason: "record \(index) \(idProblem) (looked for conversationId, \"Conversation ID\")",
                    raw: cutRaw(record)))
        }
        return .success(Conversation(conversationId: id, raw: tape.text(at: record)))
    }

    /// The record's text, cut to `RejectedRecord.maximumRawBytes` on a character boundary.
    func cutRaw(_ record: Int) -> String {
        let text = tape.text(at: record)
        guard text.utf8.count > RejectedRecord.maximumRawBytes else { return text }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: RejectedRecord.maximumRawBytes)
        while end > text.startIndex, !text.unicodeScalars.indices.contains(end) { end = text.utf8.index(before: end) }
        return String(text[..<end])
    }
}
