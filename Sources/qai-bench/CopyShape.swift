import Foundation
import Postgres

/// A table shape for the COPY benchmark, with deterministic row contents.
struct CopyShape: Sendable {
    let name: String
    let table: String
    let rows: Int
    let columns: [String]
    let ddl: String
    let encodeRow: @Sendable (Int, inout CopyWriter) -> Void

    static func narrow(rows: Int) -> CopyShape {
        CopyShape(
            name: "narrow", table: "bench_narrow", rows: rows, columns: ["id", "n", "label"],
            ddl: "id bigint, n integer, label text"
        ) { row, writer in
            writer.append(Int64(row))
            writer.append(row % 1000)
            writer.append(labels[row % labels.count])
        }
    }

    static func wide(rows: Int) -> CopyShape {
        let columns = (0..<20).map { "c\($0)" }
        let ddl = columns.enumerated().map { index, name in
            "\(name) "
                + (index % 4 == 0 ? "bigint" : index % 4 == 1 ? "numeric" : index % 4 == 2 ? "timestamptz" : "text")
        }.joined(separator: ", ")
        return CopyShape(name: "wide", table: "bench_wide", rows: rows, columns: columns, ddl: ddl) { row, writer in
            for index in 0..<20 {
                switch index % 4 {
                case 0: writer.append(Int64(row) * 31 + Int64(index))
                case 1: writer.append("\(row % 100).\(index)")
                case 2: writer.append("2026-03-23T10:\(10 + index):54.123Z")
                default: writer.append(texts[(row + index) % texts.count])
                }
            }
        }
    }

    func encode(into writer: inout CopyWriter) throws {
        for row in 0..<rows {
            encodeRow(row, &writer)
            try writer.endRow()
        }
    }

    /// Writes the same rows as a COPY text file (through the same encoder) for psql.
    func writeFile() throws -> (path: String, bytes: Int) {
        let path = NSTemporaryDirectory() + "qai-bench-\(table)-\(UUID().uuidString).copy"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(filePath: path))
        var total = 0
        var writer = CopyWriter(columns: columns, chunkSize: 1 << 20) { bytes in
            handle.write(Data(bytes))
            total += bytes.count
        }
        try encode(into: &writer)
        try writer.flush()
        try handle.close()
        return (path, total)
    }

    private static let labels = ["alpha", "beta\twith tab", "Zoë Ødegård", "O'Brien, Jr.", "emoji 🎧"]
    private static let texts = [
        "UK Greeting Compliance Rate GEN", "Manual Evaluation - UK - Manual Evaluation Metric",
        "c-0bba1c4-6d27-49d9-8557-9b0e8774xxxx", "Default Queue - Q1", "Zoë Ødegård",
    ]
}
