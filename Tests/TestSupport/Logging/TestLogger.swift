import Logging

/// A logger that discards everything, for tests that do not inspect logs.
public let testLogger = Logger(label: "qai.tests", factory: { _ in SwiftLogNoOpLogHandler() })
