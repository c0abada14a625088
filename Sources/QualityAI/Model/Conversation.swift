/// One conversation record of the raw data API, in one shape whatever spelling the vendor used.
///
/// Every field but the id is optional: absent keys, `null`, `"NA"`, `"-"` and values of the wrong
/// type all read as nil (a wrong type also adds a line to `warnings`). Lists keep the vendor's
/// order and every entry, duplicates included.
public struct Conversation: Sendable, Hashable {
    /// The vendor's conversation id, trimmed of surrounding spaces. Never empty.
    public var conversationId: String
    /// The record's exact JSON text, or a sanitised re-serialisation (see `rawWasSanitised`).
    public var raw: String
    /// True when `raw` had to be re-serialised because the record held text PostgreSQL `jsonb`
    /// rejects (`\u0000`, invalid UTF-8, unpaired surrogates); such text became U+FFFD.
    public var rawWasSanitised: Bool
    /// Type drift noticed while decoding, e.g. `koreEvaluationScore: expected a number, found an array`.
    public var warnings: [String]

    public init(conversationId: String, raw: String = "", rawWasSanitised: Bool = false, warnings: [String] = []) {
        self.conversationId = conversationId
        self.raw = raw
        self.rawWasSanitised = rawWasSanitised
        self.warnings = warnings
    }
}
