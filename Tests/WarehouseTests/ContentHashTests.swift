import EmbeddedPostgres
import Postgres
import TestSupport
import Testing

@testable import Warehouse

@Suite("Content hashes computed by the loader")
struct ContentHashTests {
    /// Earlier loaders computed the hash in SQL; rows they stored must still read as unchanged.
    @Test(
        "the loader's hash equals the SQL formula earlier versions stored",
        arguments: [
            #"{"conversationId":"c-1","agents":[]}"#, #"{"name":"Zoë 日本語 🚀","quote":"a\"b\\c"}"#, "",
            String(repeating: #"{"k":"v"},"#, count: 5_000),
        ])
    func matchesTheSQLFormula(_ raw: String) async throws {
        let connection = try await Connection.connect(TestPostgres.makeDatabase(), logger: testLogger)
        let rows = try await connection.execute(
            Query(
                unsafeSQL: """
                    SELECT '\\x' || encode(decode(md5($1 || chr(10) || $2 || chr(10) || $3), 'hex'), 'hex') AS hash
                    """, binds: [Normaliser.version, "st-äccent", raw]))
        await connection.close()
        let expected = try rows.first?.decode("hash", as: String.self)
        #expect(ContentHash.byteaLiteral(raw: raw, streamId: "st-äccent") == expected)
    }
}
