import Postgres
import Testing

@Suite("CopyWriter without a connection: the public byte-array sink")
struct CopyWriterTests {
    /// Collects what a writer hands to its sink.
    final class Chunks {
        var chunks: [[UInt8]] = []
        var text: String { String(decoding: chunks.joined(), as: UTF8.self) }
    }

    @Test("values are encoded in COPY text format and reach the sink as byte arrays")
    func encodesIntoArrays() throws {
        let received = Chunks()
        var writer = CopyWriter(columns: ["t", "n", "b", "a", "x"], chunkSize: 1 << 16) { bytes in
            received.chunks.append(bytes)
        }
        writer.append("tab\there\\ line\nend\r")
        writer.append(Int64(-42))
        writer.append(true)
        writer.append(textArray: ["a \"q\"", "b"])
        writer.append(nil as String?)
        try writer.endRow()
        #expect(received.chunks.isEmpty)
        try writer.flush()
        // Hand-written: backslash, tab, newline and CR escaped; NULL is \N; the array literal's
        // own backslashes are escaped again by COPY.
        #expect(received.text == "tab\\there\\\\ line\\nend\\r\t-42\tt\t{\"a \\\\\"q\\\\\"\",\"b\"}\t\\N\n")
        #expect(writer.rowCount == 1)
        #expect(writer.bytesSent == received.chunks.joined().count)
    }

    @Test("a full chunk is handed over at the end of the row that fills it, and the buffer is reused")
    func chunksAtRowEnds() throws {
        let received = Chunks()
        var writer = CopyWriter(columns: ["v"], chunkSize: 8) { bytes in received.chunks.append(bytes) }
        for value in ["abcd", "efgh", "ij"] {
            writer.append(value)
            try writer.endRow()
        }
        try writer.flush()
        #expect(received.chunks.map { String(decoding: $0, as: UTF8.self) } == ["abcd\nefgh\n", "ij\n"])
        #expect(writer.bytesSent == 13)
    }
}
