import Hummingbird

/// `GET /mock/truth` (window aggregates) and `GET /mock/truth/conversation/{stream}/{id}` (one
/// conversation's canonical values). Query: `stream`, `from`, `to` (vendor time formats; default the
/// whole generated range), `include_below_threshold` (default false, like the API),
/// `contact_direction`, `epoch` (epoch mode; default the current one), `at` (clock mode: epoch
/// seconds or a vendor time; default the simulated now), `details=false` (clock mode: leave out
/// the per-conversation list). In clock mode only conversations that exist at `at` count and the
/// conversation truth answers 404 for others. The window truth's `servedWithoutId` lists the ids
/// the faults in force serve without their id key.
struct TruthController: Sendable {
    let dataset: MockDataset
    let state: MockState

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/mock/truth") { request, _ in
            try window(Self.query(request))
        }
        router.get("/mock/truth/conversation/:stream/:id") { request, context in
            try conversation(
                stream: context.parameters.decoded("stream"), id: context.parameters.decoded("id"),
                query: Self.query(request))
        }
    }

    /// Query parameters (first value of each name).
    static func query(_ request: Request) -> [String: String] {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters where values[String(key)] == nil {
            values[String(key)] = String(value)
        }
        return values
    }

    private func window(_ query: [String: String]) throws(VendorError) -> Response {
        guard let stream = query["stream"] else { throw .badRequest("stream is required") }
        let index = try streamIndex(stream)
        let configuration = dataset.configuration
        let from = try time(query["from"], name: "from") ?? configuration.start
        let to = try time(query["to"], name: "to") ?? configuration.end
        var filter = RecordFilter()
        filter.includeBelowThreshold = query["include_below_threshold"]?.lowercased() == "true"
        if let direction = query["contact_direction"] {
            guard let parsed = Direction(rawValue: direction) else {
                throw .badRequest("contact_direction must be inbound or outbound")
            }
            filter.direction = parsed
        }
        let moment = try moment(query)
        let truth = WindowTruth(
            dataset: dataset, index: index, from: from, to: to, filter: filter, moment: moment, faults: state.faults)
        return .json(
            truth.json(
                stream: stream, from: from, to: to, filter: filter, moment: moment,
                details: query["details"]?.lowercased() != "false"))
    }

    private func conversation(stream: String, id: String, query: [String: String]) throws(VendorError) -> Response {
        let index = try streamIndex(stream)
        let trimmed = String(id.reversed().drop(while: { $0 == " " }).reversed())
        guard let position = index.positionById[trimmed] else {
            throw VendorError(status: .notFound, message: "No conversation \(trimmed) in stream \(stream)", code: 404)
        }
        let moment = try moment(query)
        let record = dataset.record(index, position: position)
        var clock: ConversationAuditTruth?
        if let time = moment.time {
            guard dataset.exists(index, position: position, at: time) else {
                throw VendorError(
                    status: .notFound,
                    message: "Conversation \(trimmed) has not ended by \(UTCTime.spaced(time)) (simulated time)",
                    code: 404)
            }
            clock = ConversationAuditTruth(
                record, schedule: dataset.schedule(record, stream: index), end: dataset.endSecond(record), at: time)
        }
        return .json(
            ConversationTruth.json(
                record, audit: dataset.audit(record, stream: index, moment: moment), stream: stream, moment: moment,
                renameSteps: dataset.renameSteps(moment), directory: dataset.directory, clock: clock))
    }

    private func streamIndex(_ stream: String) throws(VendorError) -> StreamIndex {
        guard let index = dataset.streams[stream] else {
            throw VendorError(status: .notFound, message: "Unknown stream \(stream)", code: 404)
        }
        return index
    }

    private func time(_ text: String?, name: String) throws(VendorError) -> Int64? {
        guard let text else { return nil }
        guard let seconds = UTCTime.parseRequestTime(String(text.map { $0 == "+" ? " " : $0 })) else {
            throw .badRequest("\(name) must be YYYY-MM-DD HH:MM:SS or YYYY-MM-DDTHH:MM:SS(.mmmZ)")
        }
        return seconds
    }

    /// The epoch (epoch mode, `epoch=`) or simulated time (clock mode, `at=`) a truth is asked for.
    private func moment(_ query: [String: String]) throws(VendorError) -> MockMoment {
        switch (state.moment, query["epoch"], query["at"]) {
        case (.epoch, _, .some):
            throw MockControlError.notClockMode.vendorError
        case (.clock, .some, _):
            throw MockControlError.notEpochMode.vendorError
        case (.epoch, let text?, nil):
            guard let epoch = Int(text), epoch >= 0 else { throw .badRequest("epoch must be a non-negative integer") }
            return .epoch(epoch)
        case (.clock, nil, let text?):
            guard let seconds = Int64(text) ?? UTCTime.parseRequestTime(String(text.map { $0 == "+" ? " " : $0 }))
            else { throw .badRequest("at must be epoch seconds, YYYY-MM-DD HH:MM:SS or YYYY-MM-DDTHH:MM:SS(.mmmZ)") }
            return .clock(seconds)
        case (let moment, nil, nil):
            return moment
        }
    }
}
