/// Decodes raw data API response pages into `Conversation`s.
public enum PageDecoder {
    /// Decodes one response page; throws only when the envelope itself is unusable
    /// (not JSON, not an object, no `results` array). Bad individual records become rejections.
    public static func decode(_ body: [UInt8], context: PageContext) throws(PageDecodingError) -> DecodedPage {
        let document: JSONDocument
        do {
            document = try JSONParser.parse(body, options: JSONParser.Options(toleratesInvalidText: true))
        } catch {
            let (kind, reason) = envelopeProblem(body, error)
            throw PageDecodingError(context: context, kind: kind, reason: reason, body: body)
        }
        return try document.withTape { (tape) throws(PageDecodingError) in
            guard tape[0].kind == .object else {
                throw PageDecodingError(
                    context: context, kind: .notAnObject, reason: "the body is a JSON \(tape[0].kind), not an object",
                    body: body)
            }
            var page = DecodedPage()
            var results: Int?
            let envelope = KeyMap.envelope
            tape.forEachMember(of: 0) { key, value in
                switch KeyMap.code(envelope, tape, key).flatMap(EnvelopeField.init) {
                case .results: if tape[value].kind == .array { results = value }
                case .totalResults: page.totalResults = ValueReader.count(tape, value)
                case .totalPages: page.totalPages = ValueReader.count(tape, value)
                case .hasMore: page.hasMore = ValueReader.bool(tape, value)
                case nil: break
                }
            }
            guard let results else {
                if BodyInspector.isRateLimitMessage(body) {
                    throw PageDecodingError(
                        context: context, kind: .rateLimitMessage,
                        reason: "the body is the vendor's rate-limit message, not data", body: body)
                }
                throw PageDecodingError(
                    context: context, kind: .noResults, reason: "the body has no \"results\" array", body: body)
            }
            page.resultCount = Int(tape[results].count)
            page.conversations.reserveCapacity(page.resultCount)
            var decoder = RecordDecoder(tape: tape, pageNeedsSanitising: document.containsTextNeedingSanitising)
            var index = 0
            tape.forEachElement(of: results) { record in
                switch decoder.decode(record, index: index) {
                case .success(let conversation): page.conversations.append(conversation)
                case .failure(let rejection):
                    page.rejections.append(
                        RejectedRecord(
                            context: context, index: index, reason: rejection.reason,
                            raw: rejection.raw))
                }
                index += 1
            }
            return page
        }
    }

    static func envelopeProblem(_ body: [UInt8], _ error: JSONError) -> (PageDecodingError.Kind, String) {
        if BodyInspector.isHTML(body) {
            return (.html, "the body is an HTML page, not JSON (a proxy, login or error page?)")
        }
        if BodyInspector.isRateLimitMessage(body) {
            return (.rateLimitMessage, "the body is the vendor's rate-limit message, not data")
        }
        return (.notJSON, "the body is not valid JSON (\(error))")
    }
}
