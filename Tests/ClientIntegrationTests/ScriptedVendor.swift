import Foundation
import QualityAI
import TestSupport

/// The paging fields of a raw data request body, as the scripted vendor reads them.
struct PageRequest: Decodable, Sendable, Hashable {
    var offset: Int
    var page: Int
    var limit: Int
    var startDate: String
    var endDate: String

    var start: Int64 { VendorTimestamp.parse(startDate) ?? 0 }
    var end: Int64 { VendorTimestamp.parse(endDate) ?? 0 }
}

extension PageRequest {
    init?(_ request: ScriptedRequest) {
        guard let decoded = try? JSONDecoder().decode(Self.self, from: Data(request.body)) else { return nil }
        self = decoded
    }
}

/// A fake vendor over a fixed list of (id, start time) records, with switches for misbehaviour.
struct ScriptedVendor: Sendable {
    var records: [(id: String, time: Int64)]
    /// Serves page 1 whatever page is asked for.
    var ignoresPage = false
    /// Added to `totalResults` of windows longer than `lieAboveSeconds` seconds.
    var totalResultsError = 0
    var lieAboveSeconds: Int64 = 0
    /// Leaves `totalResults`, `totalPages` and `hasMore` out.
    var omitsTotals = false

    /// Records `count` ids at seeded pseudo-random seconds of `[start, start + seconds)`.
    static func seeded(count: Int, start: Int64, seconds: Int64, seed: UInt64 = 7) -> ScriptedVendor {
        var state = seed
        let records = (0..<count).map { index -> (id: String, time: Int64) in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return ("c-\(index)", start + Int64((state >> 33) % UInt64(seconds)))
        }
        return ScriptedVendor(records: records)
    }

    func answer(_ request: ScriptedRequest) -> ScriptedResponse {
        guard let query = PageRequest(request) else {
            return ScriptedResponse(status: 400, json: #"{"errors":[{"msg":"bad body"}]}"#)
        }
        let matching = records.filter { $0.time >= query.start && $0.time <= query.end }
            .sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        let page = ignoresPage ? 1 : query.page
        let slice = matching.dropFirst((page - 1) * query.limit).prefix(query.limit)
        let results = slice.map {
            #"{"conversationId":"\#($0.id)","Conversation Start Time":"\#(VendorTimestamp.format($0.time))"}"#
        }
        var total = matching.count
        if query.end - query.start + 1 > lieAboveSeconds { total += totalResultsError }
        let pages = (total + query.limit - 1) / query.limit
        let envelope =
            omitsTotals
            ? ""
            : #","totalResults":\#(total),"totalPages":\#(pages),"hasMore":\#(query.page * query.limit < matching.count)"#
        return ScriptedResponse(json: #"{"results":[\#(results.joined(separator: ","))]\#(envelope)}"#)
    }
}
