import ArgumentParser
import Foundation
import Warehouse

/// `qai-loader stream list [--json]`: every stream with a watermark or slices.
struct StreamListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every stream with a watermark or slices: position, coverage, last run, conversations.",
        discussion: """
            A stream is listed when it has a row in etl_watermark or in etl_slice. covered is the span of its \
            done slices (to is exclusive), gaps the holes in it, resumes the time the next sync continues new \
            data from. --json prints an array of objects with the keys stream_id, watermark, lookback_cursor, \
            covered_from, covered_to, gaps (a count), done_slices, slices (any status), resumes_at, last_run \
            {run_id, command, status, started_at} and conversations (rows of fact_conversation with the \
            stream's id); times ISO 8601 UTC, null when unknown.
            """)

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print JSON for scripts instead of a table.")
    var json = false

    func run() async throws {
        let streams = try await StreamCommand.withWarehouse(options) { connection, schema in
            try await StreamState.readAll(schema: schema, on: connection)
        }
        print(json ? try Self.json(streams) : Self.text(streams))
    }

    /// The streams as pretty-printed JSON with sorted keys.
    static func json(_ streams: [StreamState]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(streams), as: UTF8.self)
    }

    /// The streams as a table.
    static func text(_ streams: [StreamState]) -> String {
        guard !streams.isEmpty else { return "No streams: nothing has been loaded into this schema yet." }
        var table = [
            [
                "stream", "watermark", "lookback cursor", "covered", "gaps", "done slices", "resumes", "last run",
                "conversations",
            ]
        ]
        for stream in streams {
            table.append([
                stream.streamId, StreamChangeText.time(stream.watermark), StreamChangeText.time(stream.lookbackCursor),
                StreamChangeText.covered(stream), "\(stream.gaps)", "\(stream.doneSlices)",
                StreamChangeText.time(stream.resumesAt),
                stream.lastRun.map { "\($0.runId) \($0.command) (\($0.status))" } ?? "-", "\(stream.conversations)",
            ])
        }
        return (["Streams:"] + StatusCommand.layout(table, rightAligned: 8...)).joined(separator: "\n")
    }
}
