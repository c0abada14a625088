import Dispatch

/// A serial executor that runs one connection's jobs on its own dispatch queue, so the blocking
/// libpq calls made by `Connection` never occupy a thread of Swift's cooperative pool.
final class ConnectionExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async {
            job.runSynchronously(on: executor)
        }
    }
}
