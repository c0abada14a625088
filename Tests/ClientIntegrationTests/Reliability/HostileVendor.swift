import QualityAI
import Synchronization
import TestSupport

/// A scripted vendor that serves the right records with a hostile envelope or body: `hasMore`
/// always true, a `totalResults` that lies, an HTML page with status 200 on chosen pages.
struct HostileVendor: Sendable {
    var base: ScriptedVendor
    /// `hasMore: true` on every page, the last one included.
    var alwaysHasMore = false
    /// The `totalResults` to announce, given the window's seconds and its true count.
    var announce: @Sendable (_ seconds: Int64, _ truth: Int) -> Int = { $1 }
    /// Every page is full of ids never served before, with `hasMore: true`: a vendor inventing data.
    var endless = false
    /// Pages (1-based) answered with an HTML error page and status 200, `htmlAttempts` times each.
    var htmlPages: Set<Int> = []
    var htmlAttempts = Int.max
    /// How many times each page number was answered with HTML so far (shared by the server's tasks).
    let htmlServed = HTMLCounter()

    static let html = "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>Sorry</body></html>"

    func answer(_ request: ScriptedRequest) -> ScriptedResponse {
        guard let query = PageRequest(request) else { return ScriptedResponse(status: 400, json: "{}") }
        if htmlPages.contains(query.page), htmlServed.next(query.page) <= htmlAttempts {
            return ScriptedResponse(status: 200, headers: [("Content-Type", "text/html")], body: Array(Self.html.utf8))
        }
        if endless {
            let ids = (0..<query.limit).map { #"{"conversationId":"e-\#(query.start)-\#(query.page)-\#($0)"}"# }
            let total = announce(query.end - query.start + 1, -1)
            let envelope = total < 0 ? "" : #","totalResults":\#(total)"#
            return ScriptedResponse(json: #"{"results":[\#(ids.joined(separator: ","))],"hasMore":true\#(envelope)}"#)
        }
        let matching = base.records.filter { $0.time >= query.start && $0.time <= query.end }
            .sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        let page = base.ignoresPage ? 1 : query.page
        let slice = matching.dropFirst((page - 1) * query.limit).prefix(query.limit)
        // An empty id stands for a record served without one.
        let results = slice.map {
            $0.id.isEmpty
                ? #"{"src":"no-id","Conversation Start Time":"\#(VendorTimestamp.format($0.time))"}"#
                : #"{"conversationId":"\#($0.id)","Conversation Start Time":"\#(VendorTimestamp.format($0.time))"}"#
        }
        let total = announce(query.end - query.start + 1, matching.count)
        let more = alwaysHasMore || query.page * query.limit < matching.count
        return ScriptedResponse(
            json: #"{"results":[\#(results.joined(separator: ","))],"totalResults":\#(total),"hasMore":\#(more)}"#)
    }
}

/// Counts answers per page number across the server's connections.
final class HTMLCounter: Sendable {
    private let counts = Mutex<[Int: Int]>([:])

    /// Counts one more answer for `page` and returns the new count.
    func next(_ page: Int) -> Int {
        counts.withLock { counts in
            counts[page, default: 0] += 1
            return counts[page]!
        }
    }
}
