import QualityAIDecoding

/// What the page decoder promises for any input whatsoever; a broken promise traps.
///
/// - It returns or throws; it never crashes, and a thrown error names the stream, window and page.
/// - Every `results` entry becomes a conversation or a rejection, never both, never neither.
/// - A conversation has a non-empty id, and no text of it holds U+0000 (PostgreSQL cannot).
/// - A conversation's `raw` is strict JSON without U+0000 and with numbers `numeric` holds, which
///   `jsonb` accepts; a rejection's `raw` has no U+0000 and is at most
///   `RejectedRecord.maximumRawBytes` long.
/// - Timestamps print as ISO text that parses back to the same instant.
enum DecoderProperties {
    static let context = PageContext(
        streamId: "fuzz-stream", window: TimeWindow(start: 1_767_225_600, end: 1_767_311_999), page: 2)

    static func check(_ bytes: [UInt8]) {
        let page: DecodedPage
        do {
            page = try PageDecoder.decode(bytes, context: context)
        } catch {
            require(error.description.contains("\(context)"), "a page error does not name its page: \(error)")
            return
        }
        require(page.conversations.count + page.rejections.count == page.resultCount, "records went missing")
        for conversation in page.conversations { check(conversation) }
        for rejection in page.rejections {
            require(rejection.context == context, "a rejection lost its page")
            require(rejection.raw.utf8.count <= RejectedRecord.maximumRawBytes, "a rejection's raw is too long")
            require(!rejection.reason.isEmpty, "a rejection has no reason")
            requireNoNUL(rejection.raw)
        }
    }

    static func check(_ conversation: Conversation) {
        require(!conversation.conversationId.isEmpty, "a conversation has no id")
        requireJSONB(conversation.raw)
        var texts: [String?] = [
            conversation.conversationId, conversation.customConversationId, conversation.src,
            conversation.contactDirection, conversation.durationStatus, conversation.language,
            conversation.evaluationFormName, conversation.evaluationFormScoringType, conversation.auditStatus,
            conversation.auditor, conversation.sentiment, conversation.taxonomyResolution,
            conversation.sentimentPattern?.start, conversation.sentimentPattern?.end,
        ]
        texts += conversation.agents.flatMap { [$0.id, $0.name, $0.email] }
        texts += conversation.queues.flatMap { [$0.id, $0.name] }
        texts += conversation.metrics.flatMap {
            [$0.metricId, $0.metricName, $0.qualification, $0.auditorResponse, $0.justification]
        }
        texts += conversation.generatedIntents.flatMap { [$0.name, $0.sentiment, $0.resolution] + $0.keywords }
        texts += conversation.configuredIntents.flatMap { [$0.l1, $0.l2, $0.l3, $0.sentiment, $0.resolution] }
        texts += conversation.customFields.flatMap { [$0.key, $0.value] }
        texts += conversation.agentRecordings + conversation.customerRecordings
        for text in texts.compactMap({ $0 }) { requireNoNUL(text) }
        let times = [conversation.conversationStart, conversation.conversationEnd, conversation.auditDate]
        for time in (times + conversation.agents.map(\.startTime)).compactMap({ $0 }) {
            require(Timestamp(parsing: time.isoText) == time, "\(time.microseconds) does not round-trip")
        }
    }

    static func requireJSONB(_ text: String) {
        let document: JSONDocument
        do {
            document = try JSONParser.parse(Array(text.utf8))
        } catch {
            fatalError("a raw record is not strict JSON (\(error)): \(text.prefix(200))")
        }
        document.withTape { tape in
            for index in 0..<tape.nodes.count {
                switch tape[index].kind {
                case .string: requireNoNUL(tape.string(at: index))
                case .number:
                    require(DecimalText(tape.text(at: index)) != nil, "jsonb cannot hold \(tape.text(at: index))")
                default: break
                }
            }
        }
    }

    static func requireNoNUL(_ text: String) {
        require(!text.utf8.contains(0), "text holds U+0000: \(text.prefix(200).debugDescription)")
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError(message()) }
    }
}
