import CLibPQ

/// Owns one `PGconn`: frees it exactly once, on `finish()` or at deinit, including after a
/// failed connect (libpq returns a non-NULL handle even then).
final class ConnectionHandle {
    private(set) var pointer: OpaquePointer?

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Frees the connection; a second call does nothing.
    func finish() {
        if let pointer {
            PQfinish(pointer)
            self.pointer = nil
        }
    }

    /// libpq's last error message for this connection, copied into Swift.
    var errorMessage: String {
        guard let pointer, let message = PQerrorMessage(pointer) else { return "connection is closed" }
        return String(cString: message).trimmingTrailingNewlines()
    }

    /// Host, port, database and user that libpq used or tried (never the password).
    var target: PostgresError.Target {
        func read(_ function: (OpaquePointer?) -> UnsafeMutablePointer<CChar>?) -> String {
            guard let pointer, let value = function(pointer) else { return "?" }
            let text = String(cString: value)
            return text.isEmpty ? "(default)" : text
        }
        return PostgresError.Target(host: read(PQhost), port: read(PQport), database: read(PQdb), user: read(PQuser))
    }

    deinit {
        finish()
    }
}
