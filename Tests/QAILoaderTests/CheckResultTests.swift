import Testing

@testable import qai_loader

@Suite("check: exit code from the failed checks")
struct CheckResultTests {
    static let ok = CheckResult.ok("database", "connect", "reached")
    static let skipped = CheckResult.skip("database", "rights", "no connection")
    static let unreachable = CheckResult.fail("api", "credentials", "refused", advice: "a", failure: .unreachable)
    static let refused = CheckResult.fail("database", "connect", "no", advice: "b", failure: .refused)
    static let invalid = CheckResult.fail("configuration", "API settings", "bad", advice: "c", failure: .configuration)

    @Test("none failed: no exit code; skipped checks alone do not fail")
    func passing() {
        #expect(CheckResult.exitCode([Self.ok, Self.skipped]) == nil)
    }

    @Test("only unreachable: 69; unreachable and refused: 1; an invalid setting wins: 64")
    func failing() {
        #expect(CheckResult.exitCode([Self.ok, Self.unreachable]) == .init(69))
        #expect(CheckResult.exitCode([Self.unreachable, Self.refused]) == .init(1))
        #expect(CheckResult.exitCode([Self.refused, Self.invalid, Self.unreachable]) == .init(64))
    }

    @Test("a failure prints its line and an indented what-to-do line; ok prints one line")
    func lines() {
        #expect(Self.refused.lines == ["FAIL  database: connect: no", "      what to do: b"])
        #expect(Self.ok.lines == ["ok    database: connect: reached"])
        #expect(Self.skipped.lines == ["skip  database: rights: not checked: no connection"])
    }
}
