import Logging

/// A logger that discards everything, for tests that do not inspect logs.
let testLogger = Logger(label: "qai.tests.warehouse", factory: { _ in SwiftLogNoOpLogHandler() })
