import Synchronization

/// What the client learned about how the API pages each stream, shared by a client and its copies
/// for one run. The docs do not say how `offset` and `page` combine, and one version caps `offset`
/// at 100. The client starts with page numbers at offset 0 (right for an API that adds them, that
/// follows `page`, or that lets a non-zero offset win); when a page repeats the first, the API
/// follows only `offset`, and the page is asked again by offset. When an offset is refused with
/// 400, the largest offset answered is the cap, and windows are cut so each fits within it.
public final class PagingKnowledge: Sendable {
    /// How the API pages one stream, as far as the client learned it.
    public struct Stream: Sendable, Hashable {
        /// `page`: page numbers work (offset 0); `offset`: only offsets move through the results.
        public var model: Model
        /// The largest offset the API answered when a larger one was refused, if one was.
        public var maxOffset: Int?

        public init(model: Model = .page, maxOffset: Int? = nil) {
            self.model = model
            self.maxOffset = maxOffset
        }
    }

    /// The paging the client uses for a stream.
    public enum Model: String, Sendable, Hashable {
        case page
        case offset
    }

    private let streams = Mutex([String: Stream]())

    public init() {}

    /// What is known of `streamId` (page numbers, no cap, until learned otherwise).
    public func stream(_ streamId: String) -> Stream { streams.withLock { $0[streamId] ?? Stream() } }

    /// Every stream whose paging differs from the default, by stream id.
    public func learned() -> [String: Stream] { streams.withLock { $0 } }

    /// The API ignored `page` for `streamId`: page by offset from now on. False when already known.
    func learnOffsetPaging(_ streamId: String) -> Bool {
        streams.withLock { known in
            guard known[streamId, default: Stream()].model == .page else { return false }
            known[streamId, default: Stream()].model = .offset
            return true
        }
    }

    /// The API refused `offset` for `streamId` but answered `answered`: that is its cap (a lower
    /// cap already known stays).
    func learnMaxOffset(_ streamId: String, answered: Int) {
        streams.withLock { known in
            if let cap = known[streamId]?.maxOffset, cap <= answered { return }
            known[streamId, default: Stream()].maxOffset = answered
        }
    }

    /// The most records one window can be paged through for `streamId` with `pageSize` a page.
    func capacity(_ streamId: String, pageSize: Int) -> Int? {
        let known = stream(streamId)
        guard known.model == .offset, let cap = known.maxOffset else { return nil }
        return (cap / pageSize + 1) * pageSize
    }
}
