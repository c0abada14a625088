import Foundation

/// A validated raw data request body.
struct RawDataQuery: Sendable {
    var offset: Int
    var page: Int
    var limit: Int
    /// First and last second of the window (both inclusive).
    var from: Int64
    var to: Int64
    var filter: RecordFilter

    /// Index of the first result served under `model`.
    func start(_ model: FaultConfiguration.PagingModel) -> Int {
        switch model {
        case .additive: offset + (page - 1) * limit
        case .page: (page - 1) * limit
        case .offset: offset
        case .mixed: offset > 0 ? offset : (page - 1) * limit
        }
    }

    static let maximumLimit = 100

    /// Validates a body; `queryBelowThreshold` is the `include_below_threshold` query parameter.
    static func parse(_ body: [UInt8], queryBelowThreshold: String?) throws(VendorError) -> RawDataQuery {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)),
            case .object(let fields) = value
        else { throw .badRequest("Invalid JSON body: expected an object") }
        func integer(_ name: String, default fallback: Int?) throws(VendorError) -> Int {
            guard let field = fields[name], field != .null else {
                guard let fallback else { throw .badRequest("\(name) is required") }
                return fallback
            }
            guard let number = field.integer, let int = Int(exactly: number) else {
                throw .badRequest("\(name) must be an integer")
            }
            return int
        }
        let offset = try integer("offset", default: nil)
        guard offset >= 0 else { throw .badRequest("offset must not be negative") }
        let page = try integer("page", default: 1)
        guard page >= 1 else { throw .badRequest("page must be 1 or more") }
        let limit = try integer("limit", default: 10)
        guard (1...maximumLimit).contains(limit) else { throw .badRequest("limit must be between 1 and 100") }
        let from = try time("startDate", fields)
        let to = try time("endDate", fields)
        guard from <= to else { throw .badRequest("startDate must not be after endDate") }
        var filter = RecordFilter()
        filter.includeBelowThreshold = try belowThreshold(fields["include_below_threshold"], query: queryBelowThreshold)
        if let direction = fields["contact_direction"], direction != .null {
            guard let text = direction.string, let parsed = Direction(rawValue: text.lowercased()) else {
                throw .badRequest("contact_direction must be inbound or outbound")
            }
            filter.direction = parsed
        }
        if let custom = fields["custom_fields"], custom != .null {
            guard case .object(let pairs) = custom else { throw .badRequest("custom_fields must be an object") }
            for (key, value) in pairs.sorted(by: { $0.key < $1.key }) {
                guard let text = value.string else { throw .badRequest("custom_fields values must be strings") }
                filter.customFields.append(CustomField(key: key, value: text))
            }
        }
        return RawDataQuery(offset: offset, page: page, limit: limit, from: from, to: to, filter: filter)
    }

    private static func time(_ name: String, _ fields: [String: JSONValue]) throws(VendorError) -> Int64 {
        guard let text = fields[name]?.string else { throw .badRequest("\(name) is required") }
        guard let seconds = UTCTime.parseRequestTime(text) else {
            throw .badRequest("\(name) must be YYYY-MM-DD HH:MM:SS or YYYY-MM-DDTHH:MM:SS.mmmZ (UTC)")
        }
        return seconds
    }

    private static func belowThreshold(_ field: JSONValue?, query: String?) throws(VendorError) -> Bool {
        switch field {
        case .bool(let value): return value
        case .string("true"): return true
        case .string("false"): return false
        case nil, .null: return query?.lowercased() == "true"
        default: throw .badRequest("include_below_threshold must be true or false")
        }
    }
}
