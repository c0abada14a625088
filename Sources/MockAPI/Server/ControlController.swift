import Foundation
import Hummingbird

/// The mock's own control endpoints (no auth; the server listens on loopback):
/// - `GET /mock/info`: streams, range, seed, epoch.
/// - `GET /mock/epoch`, `POST /mock/epoch` `{"epoch": n}`, `POST /mock/epoch/advance`: `{"epoch": n}`
///   (epoch mode; 409 in clock mode).
/// - `GET /mock/clock`, `POST /mock/clock` `{"now": n}`, `POST /mock/clock/advance` `{"seconds": n}`:
///   `{"now": n, "time": "YYYY-MM-DD HH:MM:SS"}` (clock mode; 409 in epoch mode).
/// - `GET /mock/faults`, `POST /mock/faults` (a `FaultConfiguration` as JSON): the faults in force.
/// - `GET /mock/stats`, `POST /mock/reset-stats`.
struct ControlController: Sendable {
    let dataset: MockDataset
    let state: MockState

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/mock/info") { _, _ in info() }
        router.get("/mock/epoch") { _, _ in
            try requireEpochMode()
            return epochResponse(state.epoch)
        }
        router.post("/mock/epoch") { request, _ in
            try requireEpochMode()
            let body = try await Self.body(request)
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: body), case .object(let fields) = value,
                let epoch = fields["epoch"]?.integer, epoch >= 0, let int = Int(exactly: epoch)
            else { throw VendorError.badRequest("expected {\"epoch\": n} with n >= 0") }
            state.setEpoch(int)
            return epochResponse(int)
        }
        router.post("/mock/epoch/advance") { _, _ in
            try requireEpochMode()
            return epochResponse(state.advanceEpoch())
        }
        addClockRoutes(to: router)
        router.get("/mock/faults") { _, _ in try faultsResponse(state.faults) }
        router.post("/mock/faults") { request, _ in
            let body = try await Self.body(request)
            let faults: FaultConfiguration
            do {
                faults = try JSONDecoder().decode(FaultConfiguration.self, from: body)
            } catch {
                throw VendorError.badRequest("expected a fault configuration object")
            }
            state.setFaults(faults)
            return try faultsResponse(faults)
        }
        router.get("/mock/stats") { _, _ in Response.json(state.statsJSON()) }
        router.post("/mock/reset-stats") { _, _ in
            state.resetStats()
            return Response.json(Array(#"{"reset":true}"#.utf8))
        }
    }

    static func body(_ request: Request) async throws -> Data {
        Data(buffer: try await request.body.collect(upTo: 1 << 16))
    }

    private func epochResponse(_ epoch: Int) -> Response {
        .json(Array("{\"epoch\":\(epoch)}".utf8))
    }

    private func faultsResponse(_ faults: FaultConfiguration) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return .json(Array(try encoder.encode(faults)))
    }

    private func info() -> Response {
        let configuration = dataset.configuration
        var w = JSONWriter()
        w.beginObject()
        w.key("streams")
        w.beginArray()
        for stream in configuration.streams { w.string(stream) }
        w.endArray()
        w.key("conversationsPerStream")
        w.int(configuration.conversationsPerStream)
        w.key("days")
        w.int(configuration.days)
        w.key("start")
        w.spacedTime(configuration.start)
        w.key("end")
        w.spacedTime(configuration.end)
        w.key("seed")
        w.string(String(configuration.seed))
        w.key("mode")
        w.string(configuration.clock == nil ? "epoch" : "clock")
        w.key("epoch")
        w.int(state.moment.epoch)
        if let now = state.clock {
            w.key("now")
            w.int64(now)
            w.key("time")
            w.spacedTime(now)
            w.key("auditLag")
            w.string(configuration.auditLag.description)
        }
        w.key("pathPrefixes")
        w.beginArray()
        for prefix in configuration.pathPrefixes { w.string(prefix) }
        w.endArray()
        w.endObject()
        return .json(w.bytes)
    }
}
