/// Counters of raw data requests since the last reset (control and truth calls are not counted).
struct MockStats: Sendable {
    var rawDataRequests = 0
    var byStream: [String: Int] = [:]
    var byStatus: [Int: Int] = [:]
    var faults: [InjectedFault: Int] = [:]
    var perMinute: [Int64: Int] = [:]
    var requestTimesMs: [Int64] = []
    var requestTimesDropped = 0
    var recordsServed = 0
    var pagesServed = 0

    static let timeLimit = 100_000

    mutating func arrived(stream: String, atMs: Int64) {
        rawDataRequests += 1
        byStream[stream, default: 0] += 1
        perMinute[UTCTime.floorDiv(atMs, 60_000), default: 0] += 1
        if requestTimesMs.count >= Self.timeLimit {
            requestTimesMs.removeFirst(Self.timeLimit / 10)
            requestTimesDropped += Self.timeLimit / 10
        }
        requestTimesMs.append(atMs)
    }

    /// `{"rawDataRequests":N,"byStream":{..},"byStatus":{"200":N},"faults":{..},"recordsServed":N,
    /// "pagesServed":N,"perMinute":{"YYYY-MM-DDTHH:MM":N},"requestTimesMs":[..],"requestTimesDropped":N}`
    func json() -> [UInt8] {
        var w = JSONWriter(capacity: 256 + requestTimesMs.count * 14)
        w.beginObject()
        w.key("rawDataRequests")
        w.int(rawDataRequests)
        w.key("byStream")
        w.beginObject()
        for (stream, count) in byStream.sorted(by: { $0.key < $1.key }) {
            w.key(text: stream)
            w.int(count)
        }
        w.endObject()
        w.key("byStatus")
        w.beginObject()
        for (status, count) in byStatus.sorted(by: { $0.key < $1.key }) {
            w.key(text: String(status))
            w.int(count)
        }
        w.endObject()
        w.key("faults")
        w.beginObject()
        for fault in InjectedFault.allCases {
            w.key(text: fault.rawValue)
            w.int(faults[fault] ?? 0)
        }
        w.endObject()
        w.key("recordsServed")
        w.int(recordsServed)
        w.key("pagesServed")
        w.int(pagesServed)
        w.key("perMinute")
        w.beginObject()
        for (minute, count) in perMinute.sorted(by: { $0.key < $1.key }) {
            w.key(text: String(UTCTime.spaced(minute * 60).prefix(16).map { $0 == " " ? "T" : $0 }))
            w.int(count)
        }
        w.endObject()
        w.key("requestTimesMs")
        w.beginArray()
        for time in requestTimesMs { w.int64(time) }
        w.endArray()
        w.key("requestTimesDropped")
        w.int(requestTimesDropped)
        w.endObject()
        return w.bytes
    }
}
