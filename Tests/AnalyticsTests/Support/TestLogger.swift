import Logging

/// A logger that discards everything, for tests that do not inspect logs.
let testLogger = Logger(label: "qai.tests.analytics", factory: { _ in SwiftLogNoOpLogHandler() })
