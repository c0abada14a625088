import Foundation
import Postgres
import TestSupport
import Testing
import Warehouse

/// Issue 15, part 2: whatever way the API combines `offset` and `page`, and with offsets capped
/// at 100, a backfill over HTTP equals the mock's truth; the client learns the model from pages it
/// fetched anyway and records it (`etl_stream_paging`) where `status` shows it.
@Suite(.serialized) struct PagingModelSyncTests {
    static let stream = "st-sync"

    /// A vendor behaviour and what the loader should record for it (nil: nothing to learn).
    struct Vendor: Sendable, CustomTestStringConvertible {
        var faults: String
        var recordedModel: String?
        var recordedMaxOffset: Int?
        var testDescription: String { faults }
    }

    static let vendors = [
        Vendor(faults: #"{"pagingModel":"additive"}"#),
        Vendor(faults: #"{"pagingModel":"page"}"#),
        Vendor(faults: #"{"pagingModel":"offset"}"#, recordedModel: "offset"),
        Vendor(faults: #"{"pagingModel":"mixed"}"#),
        Vendor(faults: #"{"pagingModel":"additive","maxOffset":100}"#),
        Vendor(faults: #"{"pagingModel":"page","maxOffset":100}"#),
        Vendor(faults: #"{"pagingModel":"offset","maxOffset":100}"#, recordedModel: "offset", recordedMaxOffset: 100),
        Vendor(faults: #"{"pagingModel":"mixed","maxOffset":100}"#),
    ]

    @Test("3,000 conversations over 5 days equal the truth under every paging model", arguments: vendors)
    func everyModelLoadsTheTruth(_ vendor: Vendor) async throws {
        try await SyncHarness.with(conversations: 3_000, days: 5) { harness in
            try await harness.truth.setFaults(vendor.faults)
            let summary = try await harness.run(harness.backfill())
            let truth = try await harness.truth.window(stream: Self.stream)
            try await harness.expectMatches(truth, stream: Self.stream)
            #expect(try await FollowDataTests.loadedPerDay(harness) == truth.perDay)
            let record = try await harness.runRecord(summary.runId)
            #expect(record.status == "succeeded" && record.inserted == truth.conversationCount)
            let rows = try await harness.query(
                "SELECT model, max_offset, run_id FROM qai.etl_stream_paging WHERE stream_id = \(Self.stream)")
            if let model = vendor.recordedModel {
                #expect(rows.count == 1)
                #expect(rows.first?[0] == model)
                #expect(try rows.first?.decode(1, as: Int.self) == vendor.recordedMaxOffset)
                #expect(try rows.first?.decode(2, as: Int64.self) == summary.runId)
                let status = try await StatusReader(schema: harness.schema).read(on: harness.observer)
                #expect(status.streams.first?.paging?.model == model)
                #expect(status.streams.first?.paging?.maxOffset == vendor.recordedMaxOffset)
            } else {
                #expect(rows.isEmpty, "the default paging worked; nothing was learned")
            }
            // Whatever the model, no more than 1.2 times the per-day minimum plus the wide probes.
            let minimum = truth.perDay.values.reduce(0) { $0 + ($1 + 99) / 100 }
            if vendor.recordedMaxOffset == nil {
                #expect(Double(record.requests) <= 1.2 * Double(minimum) + 2, "\(record.requests) for \(minimum)")
            }
        }
    }
}
