import Foundation
import Hummingbird

extension ControlController {
    /// `GET /mock/clock`, `POST /mock/clock` `{"now": n}` (n epoch seconds or a vendor time string),
    /// `POST /mock/clock/advance` `{"seconds": n}` (n >= 0): each answers `{"now": n, "time": "..."}`.
    /// In epoch mode they answer 409.
    func addClockRoutes(to router: Router<BasicRequestContext>) {
        router.get("/mock/clock") { _, _ in
            guard let now = state.clock else { throw MockControlError.notClockMode.vendorError }
            return Self.clockResponse(now)
        }
        router.post("/mock/clock") { request, _ in
            guard state.clock != nil else { throw MockControlError.notClockMode.vendorError }
            let field = try await Self.field("now", of: request)
            guard let now = field?.integer ?? field?.string.flatMap(UTCTime.parseRequestTime) else {
                throw VendorError.badRequest(
                    "expected {\"now\": n} with n epoch seconds or \"YYYY-MM-DD HH:MM:SS\" (UTC)")
            }
            guard state.setClock(now) else { throw MockControlError.notClockMode.vendorError }
            return Self.clockResponse(now)
        }
        router.post("/mock/clock/advance") { request, _ in
            guard state.clock != nil else { throw MockControlError.notClockMode.vendorError }
            guard let seconds = try await Self.field("seconds", of: request)?.integer, seconds >= 0 else {
                throw VendorError.badRequest("expected {\"seconds\": n} with n >= 0")
            }
            guard let now = state.advanceClock(by: seconds) else { throw MockControlError.notClockMode.vendorError }
            return Self.clockResponse(now)
        }
    }

    func requireEpochMode() throws(VendorError) {
        if state.clock != nil { throw MockControlError.notEpochMode.vendorError }
    }

    private static func field(_ name: String, of request: Request) async throws -> JSONValue? {
        let body = try await body(request)
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body), case .object(let fields) = value
        else { return nil }
        return fields[name]
    }

    private static func clockResponse(_ now: Int64) -> Response {
        var w = JSONWriter(capacity: 64)
        w.beginObject()
        w.key("now")
        w.int64(now)
        w.key("time")
        w.spacedTime(now)
        w.endObject()
        return .json(w.bytes)
    }
}
