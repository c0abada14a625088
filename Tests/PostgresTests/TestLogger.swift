import Logging

/// A logger that discards everything, for tests that do not inspect logs.
let testLogger = Logger(label: "qai.tests.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
