import Foundation
import Hummingbird
import Logging

/// `POST {prefix}/{streamId}/rawdata`: the vendor's raw data endpoint, with fault injection.
struct RawDataController: Sendable {
    let dataset: MockDataset
    let state: MockState
    let verifier: TokenVerifier
    let logger: Logger

    func addRoutes(to router: Router<BasicRequestContext>) {
        for prefix in dataset.configuration.pathPrefixes {
            let path = RouterPath(stringLiteral: prefix + "/:streamId/rawdata")
            router.post(path) { request, context in
                await rawData(request, stream: context.parameters.decoded("streamId"))
            }
            for method: HTTPRequest.Method in [.get, .put, .delete, .patch, .head, .options] {
                router.on(path, method: method) { _, context in
                    state.countUnserved(
                        stream: context.parameters.decoded("streamId"), status: 405, nowMs: Self.nowMs())
                    var error = VendorError(status: .methodNotAllowed, message: "Method Not Allowed", code: 405)
                    error.headers[.allow] = "POST"
                    return error.response()
                }
            }
        }
    }

    static func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    private func rawData(_ request: Request, stream: String) async -> Response {
        let nowMs = Self.nowMs()
        let body = try? await request.body.collect(upTo: 1 << 20)
        let bodyBytes = body.map { Array(buffer: $0) }
        let admission = state.admit(stream: stream, body: bodyBytes ?? [], nowMs: nowMs)
        if admission.faults.delayMilliseconds > 0 {
            try? await Task.sleep(for: .milliseconds(admission.faults.delayMilliseconds))
        }
        var response: Response
        var records = 0
        var stuck = false
        switch admission.fault {
        case .rateLimited:
            response = FaultResponses.tooManyRequests(
                admission, seconds: admission.faults.retryAfterSeconds, nowMs: nowMs)
        case .rateLimitExceeded:
            response = FaultResponses.tooManyRequests(admission, seconds: admission.retryAfterSeconds, nowMs: nowMs)
        case .rateLimitBody:
            response = FaultResponses.rateLimitBody(admission)
        case .serverError:
            response = FaultResponses.serverError(admission, seed: dataset.configuration.seed)
        case .htmlError:
            response = FaultResponses.htmlPage()
        default:
            do {
                let page = try serve(
                    request, stream: stream, body: bodyBytes, admission: admission, nowMs: nowMs)
                records = page.records
                stuck = admission.faults.stuckPaging && page.stuck
                response =
                    switch admission.fault {
                    case .truncatedBody: FaultResponses.truncated(page.bytes, status: .ok)
                    case .droppedConnection: FaultResponses.dropped(page.bytes)
                    default: .json(page.bytes)
                    }
            } catch {
                response = error.response()
                if admission.fault == .droppedConnection || admission.fault == .truncatedBody {
                    response = FaultResponses.truncated(error.bodyBytes, status: error.status)
                }
            }
        }
        logger.debug(
            "mock.rawdata.answered",
            metadata: [
                "mock.stream": "\(stream)", "http.status": "\(response.status.code)", "mock.records": "\(records)",
                "mock.fault": "\(admission.fault?.rawValue ?? "none")",
            ])
        let served = response.status == .ok && admission.fault == nil
        state.finished(
            status: Int(response.status.code), records: served ? records : 0, servedPage: served,
            stuckPage: stuck)
        return response
    }

    private struct ServedPage {
        var bytes: [UInt8]
        var records: Int
        var stuck: Bool
    }

    private func serve(
        _ request: Request, stream: String, body: [UInt8]?, admission: Admission, nowMs: Int64
    ) throws(VendorError) -> ServedPage {
        try authenticate(request, now: nowMs / 1000)
        guard let index = dataset.streams[stream] else {
            throw VendorError(status: .notFound, message: "Invalid streamId: no app with this id", code: 404)
        }
        guard let body else { throw .badRequest("Request body too large or unreadable") }
        let query = try RawDataQuery.parse(
            body, queryBelowThreshold: request.uri.queryParameters.get("include_below_threshold"))
        if let cap = admission.faults.maxOffset, query.offset > cap {
            throw .badRequest("offset must be between 0 and \(cap)")
        }
        let stuck = admission.faults.stuckPaging && query.page > 1
        let page = dataset.page(index, query: query, moment: admission.moment, stuck: stuck, faults: admission.faults)
        return ServedPage(bytes: page.bytes, records: page.records, stuck: stuck)
    }
}
