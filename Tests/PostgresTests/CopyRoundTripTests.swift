import EmbeddedPostgres
import Postgres
import TestSupport
import Testing

@Suite("COPY round trip against a real server")
struct CopyRoundTripTests {
    /// Values chosen to break a naive COPY encoder, each checked on the way back.
    static let adversarial: [String?] = [
        "plain", "", nil, "tab\there", "new\nline", "carriage\rreturn", "crlf\r\n", "back\\slash",
        "\\N", "\\.", "ends with backslash\\", "'single' \"double\" quotes", "comma, semicolon; pipe|",
        "Zoë Ødegård", "O'Brien, Jr.", "emoji 🎧📞👩🏽‍💼", "RTL עברית العربية", "\u{FEFF}bom", "\u{1}\u{7}\u{1B}control",
        "\t\n\r\\", " leading and trailing spaces ", "{\"json\": [1, 2, \"x\\ty\"]}",
    ]

    @Test("adversarial strings come back byte for byte, NULL distinct from empty")
    func adversarialStrings() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        try await connection.execute("CREATE TABLE t (n int, v text)")
        let values = Self.adversarial
        let stored = try await connection.copyIn(table: "t", columns: ["n", "v"]) { writer in
            for (index, value) in values.enumerated() {
                writer.append(index)
                writer.append(value)
                try writer.endRow()
            }
        }
        #expect(stored == values.count)
        let rows = try await connection.execute("SELECT n, v, v IS NULL AS isnull FROM t ORDER BY n")
        #expect(rows.count == values.count)
        for row in rows {
            let index = try #require(try row.decode("n", as: Int.self))
            #expect(row[1] == values[index], "value \(index)")
            #expect(try row.decode("isnull", as: Bool.self) == (values[index] == nil))
        }
        await connection.close()
    }

    @Test("one-megabyte values and 100,000 rows compare value by value")
    func largeValuesAndManyRows() async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        try await connection.execute("CREATE TABLE big (n int, v text, i bigint, b boolean, arr text[])")
        let megabyte = String(repeating: "ä\tb\\c\nd🎧", count: 1_048_576 / 12)
        func value(_ n: Int) -> String { n % 10_000 == 0 ? megabyte + String(n) : "row \(n)\t\\\u{E9}\n" }
        try await connection.copyIn(table: "big", columns: ["n", "v", "i", "b", "arr"], chunkSize: 64 * 1024) {
            writer in
            for n in 0..<100_000 {
                writer.append(n)
                writer.append(value(n))
                writer.append(Int64(n) * -3_000_000_007)
                writer.append(n % 3 == 0 ? nil : n % 2 == 0)
                writer.append(textArray: n % 7 == 0 ? ["a,\"b\"", "c\\d", "{e}"] : nil)
                try writer.endRow()
            }
        }
        let rows = try await connection.execute("SELECT n, v, i, b, arr FROM big ORDER BY n")
        #expect(rows.count == 100_000)
        var mismatches = 0
        for (n, row) in rows.enumerated() {
            let number = try row.decode(2, as: Int64.self)
            let flag = try row.decode(3, as: Bool.self)
            if row[1] != value(n) || number != Int64(n) * -3_000_000_007
                || flag != (n % 3 == 0 ? nil : n % 2 == 0)
                || row[4] != (n % 7 == 0 ? "{\"a,\\\"b\\\"\",\"c\\\\d\",\"{e}\"}" : nil)
            {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        let arrays = try await connection.execute(
            "SELECT arr[1] AS a1, arr[2] AS a2, arr[3] AS a3 FROM big WHERE n = 7")
        #expect(arrays.first?[0] == "a,\"b\"")
        #expect(arrays.first?[1] == "c\\d")
        #expect(arrays.first?[2] == "{e}")
        let sizes = try await connection.execute("SELECT octet_length(v) AS size FROM big WHERE n = 10000")
        #expect(try sizes.first?.decode("size", as: Int.self) == (megabyte + "10000").utf8.count)
        await connection.close()
    }
}
