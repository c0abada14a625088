import CLibPQ

/// Owns one `PGcancel` (libpq's cancel request for a connection's running statement) and frees
/// it exactly once, at deinit. `PQcancel` is safe to call from any thread while the connection
/// is busy on its own queue (libpq documents it for that use), and the pointer never changes
/// after creation, so the type is shared across tasks.
final class CancelHandle: @unchecked Sendable {
    private let pointer: OpaquePointer

    /// The cancel handle of `connection`, or nil when libpq cannot make one.
    init?(connection: OpaquePointer) {
        guard let pointer = PQgetCancel(connection) else { return nil }
        self.pointer = pointer
    }

    /// Asks the server to cancel what the connection is running; harmless when it is idle.
    /// Returns whether the request was sent.
    @discardableResult
    func cancel() -> Bool {
        var message = [CChar](repeating: 0, count: 256)
        return message.withUnsafeMutableBufferPointer { buffer in
            PQcancel(pointer, buffer.baseAddress, Int32(buffer.count)) == 1
        }
    }

    deinit {
        PQfreeCancel(pointer)
    }
}
