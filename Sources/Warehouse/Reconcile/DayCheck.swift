import QualityAI

/// One window of one stream compared between the API and the warehouse.
public struct DayCheck: Sendable, Equatable, Encodable {
    public var streamId: String
    public var window: TimeWindow
    /// The API's `totalResults` for the window.
    public var apiTotal: Int
    /// Conversations of the stream in the warehouse whose start lies in the window.
    public var warehouse: Int
    /// Distinct records of the window quarantined in `etl_rejected` (the API counts them; the
    /// warehouse cannot hold them).
    public var quarantined: Int

    public init(streamId: String, window: TimeWindow, apiTotal: Int, warehouse: Int, quarantined: Int) {
        self.streamId = streamId
        self.window = window
        self.apiTotal = apiTotal
        self.warehouse = warehouse
        self.quarantined = quarantined
    }

    /// The warehouse holds fewer (or more) records than the API for the window.
    public var differs: Bool { apiTotal != warehouse + quarantined }

    /// API total minus what the warehouse accounts for: positive when records are missing.
    public var missing: Int { apiTotal - warehouse - quarantined }

    enum CodingKeys: String, CodingKey {
        case streamId = "stream_id", from, to, apiTotal = "api_total", warehouse, quarantined, missing, differs
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(streamId, forKey: .streamId)
        try container.encode(StatusTime.iso(window.start), forKey: .from)
        try container.encode(StatusTime.iso(window.end + 1), forKey: .to)
        try container.encode(apiTotal, forKey: .apiTotal)
        try container.encode(warehouse, forKey: .warehouse)
        try container.encode(quarantined, forKey: .quarantined)
        try container.encode(missing, forKey: .missing)
        try container.encode(differs, forKey: .differs)
    }
}
