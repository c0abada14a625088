import Foundation

/// What a `stream rewind` or `stream forget` changed (or, in a dry run, would change): the
/// stream's state before and after, and the rows deleted or shortened.
public struct StreamChange: Sendable, Equatable {
    /// The rows a change deleted, shortened or created.
    public struct Edits: Sendable, Equatable {
        /// `etl_slice` rows deleted.
        public var slicesDeleted = 0
        /// Done `etl_slice` rows shortened to end just before the rewind's time.
        public var slicesClipped = 0
        /// The `etl_watermark` row was deleted.
        public var watermarkDeleted = false
        /// The `etl_watermark` row was created (a rewind of a stream that had none).
        public var watermarkCreated = false

        public init() {}
    }

    /// `stream rewind` or `stream forget`, as recorded in `etl_run.command`.
    public var command: RunCommand
    public var stream: String
    /// The rewind's time, epoch seconds (nil for forget).
    public var target: Int64?
    public var before: StreamState
    /// The state afterwards; nil when the stream has no watermark and no slices left (forgotten).
    public var after: StreamState?
    public var edits: Edits
    /// Nothing was changed: the change ran in a transaction that was rolled back.
    public var dryRun: Bool
    /// The `etl_run` row that records the change (nil in a dry run).
    public var runId: Int64?

    /// `etl_run.counts` of the change: `{"<stream>": {...}}`, keys sorted.
    var countsJSON: String {
        struct Counts: Encodable {
            var slicesDeleted: Int
            var slicesClipped: Int
            var watermarkDeleted: Bool
            var watermarkCreated: Bool
            var watermarkBefore: String?
            var watermarkAfter: String?
            var lookbackCursorBefore: String?
            var lookbackCursorAfter: String?
            var doneSlicesBefore: Int
            var doneSlicesAfter: Int

            enum CodingKeys: String, CodingKey {
                case slicesDeleted = "slices_deleted", slicesClipped = "slices_clipped"
                case watermarkDeleted = "watermark_deleted", watermarkCreated = "watermark_created"
                case watermarkBefore = "watermark_before", watermarkAfter = "watermark_after"
                case lookbackCursorBefore = "lookback_cursor_before", lookbackCursorAfter = "lookback_cursor_after"
                case doneSlicesBefore = "done_slices_before", doneSlicesAfter = "done_slices_after"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(slicesDeleted, forKey: .slicesDeleted)
                try container.encode(slicesClipped, forKey: .slicesClipped)
                try container.encode(watermarkDeleted, forKey: .watermarkDeleted)
                try container.encode(watermarkCreated, forKey: .watermarkCreated)
                try container.encode(watermarkBefore, forKey: .watermarkBefore)
                try container.encode(watermarkAfter, forKey: .watermarkAfter)
                try container.encode(lookbackCursorBefore, forKey: .lookbackCursorBefore)
                try container.encode(lookbackCursorAfter, forKey: .lookbackCursorAfter)
                try container.encode(doneSlicesBefore, forKey: .doneSlicesBefore)
                try container.encode(doneSlicesAfter, forKey: .doneSlicesAfter)
            }
        }
        let counts = Counts(
            slicesDeleted: edits.slicesDeleted, slicesClipped: edits.slicesClipped,
            watermarkDeleted: edits.watermarkDeleted, watermarkCreated: edits.watermarkCreated,
            watermarkBefore: before.watermark.map(StatusTime.iso), watermarkAfter: after?.watermark.map(StatusTime.iso),
            lookbackCursorBefore: before.lookbackCursor.map(StatusTime.iso),
            lookbackCursorAfter: after?.lookbackCursor.map(StatusTime.iso), doneSlicesBefore: before.doneSlices,
            doneSlicesAfter: after?.doneSlices ?? 0)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode([stream: counts])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
