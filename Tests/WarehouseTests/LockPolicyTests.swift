import Postgres
import Testing

@testable import Warehouse

@Suite("Lock waits: timeout, backoff and which errors are retried")
struct LockPolicyTests {
    @Test("the default waits 5 s per lock and retries 5 times after 1, 2, 4, 8, 16 s")
    func defaultBackoffDoubles() {
        let policy = LockPolicy.standard
        #expect(policy.timeout == .seconds(5) && policy.maxRetries == 5)
        #expect((1...5).map { policy.delay(beforeRetry: $0) } == [1, 2, 4, 8, 16].map { Duration.seconds($0) })
        #expect(LockPolicy(maxBackoff: .seconds(3)).delay(beforeRetry: 4) == .seconds(3))
    }

    @Test("the timeout is set for the transaction only, in whole milliseconds, never 0 (which waits for ever)")
    func setLocalStatement() {
        #expect(LockPolicy(timeout: .milliseconds(1_500)).setLocalTimeout.sql == "SET LOCAL lock_timeout = '1500ms'")
        #expect(LockPolicy(timeout: .microseconds(10)).setLocalTimeout.sql == "SET LOCAL lock_timeout = '1ms'")
    }

    @Test(
        "lock timeouts, deadlocks and serialization failures are retried; statement timeouts and lost connections are not"
    )
    func retryableErrors() {
        func error(_ state: SQLState, code: PostgresError.Code = .server) -> PostgresError {
            PostgresError(code: code, sqlState: state, message: "m")
        }
        #expect(LockPolicy.isRetryable(error(.lockNotAvailable)))
        #expect(LockPolicy.isRetryable(error(.deadlockDetected)))
        #expect(LockPolicy.isRetryable(error(.serializationFailure)))
        #expect(!LockPolicy.isRetryable(error(.queryCanceled)))
        #expect(!LockPolicy.isRetryable(error(.diskFull)))
        #expect(!LockPolicy.isRetryable(error(.adminShutdown, code: .connectionClosed)))
        #expect(!LockPolicy.isRetryable(error(.lockNotAvailable, code: .connectionClosed)))
    }

    @Test("error descriptions say what to do for a full disk, a cancelled statement and a lost connection")
    func adviceForDatabaseFaults() {
        let disk = PostgresError(code: .server, sqlState: .diskFull, message: "could not extend file")
        #expect(disk.description.contains("free disk space"))
        let cancelled = PostgresError(code: .server, sqlState: .queryCanceled, message: "statement timeout")
        #expect(cancelled.description.contains("statement_timeout"))
        let terminated = PostgresError(
            code: .connectionClosed, sqlState: .adminShutdown, message: "terminating connection")
        #expect(terminated.description.contains("run the same command again"))
    }
}
