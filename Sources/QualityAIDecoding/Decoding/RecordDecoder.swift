/// Decodes one element of a page's `results` into a `Conversation` or a rejection.
struct RecordDecoder {
    /// Why a record was rejected, and its (possibly cut) text.
    struct Rejection: Error {
        var reason: String
        var raw: String
    }

    let tape: JSONTape
    /// False when the page holds no text that needs sanitising, so records skip that check.
    let pageNeedsSanitising: Bool
    /// Drift noticed in the record being decoded.
    var warnings: [String] = []

    init(tape: JSONTape, pageNeedsSanitising: Bool) {
        self.tape = tape
        self.pageNeedsSanitising = pageNeedsSanitising
    }

    mutating func decode(_ record: Int, index: Int) -> Result<Conversation, Rejection> {
        guard tape[record].kind == .object else {
            let reason = "record \(index) is a JSON \(tape[record].kind), not an object"
            return .failure(Rejection(reason: reason, raw: cutRaw(record)))
        }
        warnings.removeAll(keepingCapacity: true)
        var conversation = Conversation(conversationId: "")
        var idProblem = "has no conversation id"
        let table = KeyMap.record
        tape.forEachMember(of: record) { key, value in
            guard let code = KeyMap.code(table, tape, key), let field = RecordField(rawValue: code) else { return }
            if field == .conversationId {
                guard conversation.conversationId.isEmpty else { return }
                if tape[value].kind != .string {
                    idProblem = "has a conversation id that is a JSON \(tape[value].kind), not a string"
                } else if let id = ValueReader.text(tape, value) {
                    conversation.conversationId = id
                } else {
                    idProblem = "has an empty conversation id"
                }
            } else {
                apply(field, value, to: &conversation)
            }
        }
        guard !conversation.conversationId.isEmpty else {
            let reason = "record \(index) \(idProblem) (looked for conversationId, \"Conversation ID\")"
            return .failure(Rejection(reason: reason, raw: cutRaw(record)))
        }
        if let problem = Self.oversizedKey(in: conversation) {
            return .failure(Rejection(reason: "record \(index) \(problem)", raw: cutRaw(record)))
        }
        (conversation.raw, conversation.rawWasSanitised) = jsonText(record)
        conversation.warnings = warnings
        return .success(conversation)
    }

    /// The record's text, cut to `RejectedRecord.maximumRawBytes` on a character boundary.
    func cutRaw(_ record: Int) -> String {
        let text = jsonText(record).text
        guard text.utf8.count > RejectedRecord.maximumRawBytes else { return text }
        let bytes = Array(text.utf8)
        var end = RejectedRecord.maximumRawBytes
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }
}
