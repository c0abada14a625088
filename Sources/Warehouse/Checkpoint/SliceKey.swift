/// A slice's identity for resume: stream and window.
struct SliceKey: Hashable, Sendable {
    var streamId: String
    var start: Int64
    var end: Int64

    init(_ spec: SliceSpec) {
        streamId = spec.streamId
        start = spec.window.start
        end = spec.window.end
    }

    init(streamId: String, start: Int64, end: Int64) {
        self.streamId = streamId
        self.start = start
        self.end = end
    }
}
