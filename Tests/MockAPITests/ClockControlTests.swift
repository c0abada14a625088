import Foundation
import MockAPI
import TestSupport
import Testing

/// The clock endpoints and their Swift counterparts on `MockControl`, in both modes.
@Suite struct ClockControlTests {
    /// 2026-03-23 00:00:00 UTC.
    static let now = MockHarness.end - ClockHarness.day

    @Test func clockEndpointsReadSetAndAdvance() async throws {
        try await ClockHarness.withServer(ClockHarness.configuration(now: Self.now)) { http, _ in
            let clock = try await http.get("/mock/clock").json()
            #expect(clock["now"] as? Int == Int(Self.now))
            #expect(clock["time"] as? String == "2026-03-23 00:00:00")
            let set = try await http.post("/mock/clock", json: #"{"now":"2026-03-23 12:00:00"}"#).json()
            #expect(set["now"] as? Int == Int(Self.now + 43_200))
            let advanced = try await http.post("/mock/clock/advance", json: #"{"seconds":3600}"#).json()
            #expect(advanced["now"] as? Int == Int(Self.now + 46_800))
            #expect(advanced["time"] as? String == "2026-03-23 13:00:00")
            let info = try await http.get("/mock/info").json()
            #expect(info["mode"] as? String == "clock")
            #expect(info["now"] as? Int == Int(Self.now + 46_800))
            #expect((info["auditLag"] as? String)?.isEmpty == false)
            #expect(try await http.setClock(Self.now - 3_600) == Self.now - 3_600)
            for (path, body) in [
                ("/mock/clock/advance", #"{"seconds":-1}"#), ("/mock/clock/advance", "{}"),
                ("/mock/clock", #"{"now":"tomorrow"}"#), ("/mock/clock", "not json"),
            ] {
                let reply = try await http.post(path, json: body)
                #expect(reply.status == 400, "\(path) \(body)")
                #expect(try reply.vendorError().code == 400)
            }
            for reply in [
                try await http.get("/mock/epoch"), try await http.post("/mock/epoch", json: #"{"epoch":1}"#),
                try await http.post("/mock/epoch/advance"),
            ] {
                #expect(reply.status == 409)
                #expect(try reply.vendorError().message.contains("clock mode"))
            }
        }
    }

    @Test func clockEndpointsAnswerConflictInEpochMode() async throws {
        try await MockHarness.withServer { http in
            for reply in [
                try await http.get("/mock/clock"), try await http.post("/mock/clock", json: #"{"now":0}"#),
                try await http.post("/mock/clock/advance", json: #"{"seconds":60}"#),
                try await http.get("/mock/truth?stream=st-test&at=0"),
            ] {
                #expect(reply.status == 409)
                #expect(try reply.vendorError().message.contains("epoch mode"))
            }
            let info = try await http.get("/mock/info").json()
            #expect(info["mode"] as? String == "epoch")
            #expect(info["epoch"] as? Int == 0)
            #expect(info["now"] == nil)
            #expect(try await http.post("/mock/epoch/advance").json()["epoch"] as? Int == 1)
        }
    }

    @Test func swiftControlMovesTheClockAndReadsTheSameTruth() async throws {
        try await ClockHarness.withServer(ClockHarness.configuration(now: Self.now)) { http, control in
            #expect(control.isClockMode)
            #expect(control.now == Self.now)
            try control.setClock(Self.now + 600)
            #expect(try await http.get("/mock/clock").json()["now"] as? Int == Int(Self.now + 600))
            #expect(try control.advanceClock(by: 3_000) == Self.now + 3_600)
            #expect(try await http.get("/mock/clock").json()["now"] as? Int == Int(Self.now + 3_600))
            let viaHTTP = try TruthConversation.list(try await http.clockTruth())
            let inProcess = try control.auditTruth(stream: "st-test")
            #expect(inProcess.map(\.id) == viaHTTP.map(\.id))
            #expect(inProcess.map(\.auditChangedAt) == viaHTTP.map(\.auditChangedAt))
            #expect(inProcess.map(\.auditStatus) == viaHTTP.map(\.auditStatus))
            let later = try control.auditTruth(stream: "st-test", at: Self.now + 30 * ClockHarness.day)
            #expect(later.count > inProcess.count)
            #expect(control.now == Self.now + 3_600)
            #expect(try control.agentRenameTimes(at: Self.now + 30 * ClockHarness.day).count >= 4)
            #expect(throws: MockControlError.self) { try control.setEpoch(1) }
            #expect(throws: MockControlError.self) { try control.auditTruth(stream: "st-other") }
        }
        try await ClockHarness.withServer(MockHarness.configuration()) { _, control in
            #expect(!control.isClockMode)
            #expect(control.now == nil)
            #expect(throws: MockControlError.self) { try control.setClock(0) }
            #expect(throws: MockControlError.self) { try control.advanceClock(by: 1) }
            try control.setEpoch(2)
            #expect(control.epoch == 2)
        }
    }
}
