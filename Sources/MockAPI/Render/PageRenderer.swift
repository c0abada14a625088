/// One served page: the body bytes and how many records it holds.
struct RenderedPage: Sendable {
    var bytes: [UInt8]
    var records: Int
}

extension MockDataset {
    /// The response body for a validated request at a moment: `{"results":[...],"totalResults":N,
    /// "hasMore":B,"totalPages":P}`. With `stuck`, every page is served as if it were page 1. The
    /// records `faults` picks are rendered without their id (not cached).
    func page(
        _ index: StreamIndex, query: RawDataQuery, moment: MockMoment, stuck: Bool,
        faults: FaultConfiguration = FaultConfiguration()
    ) -> RenderedPage {
        let matches = matches(index, from: query.from, to: query.to, filter: query.filter, moment: moment)
        let total = matches.count
        let start = stuck ? query.offset : query.start(faults.pagingModel)
        let slice = start < total ? matches[start..<min(start + query.limit, total)] : []
        let renderer = renderer(for: index, moment: moment)
        var w = JSONWriter(capacity: 256 + slice.count * 3_000)
        w.beginObject()
        w.key("results")
        w.beginArray()
        for position in slice {
            if faults.servesWithoutId(position: position) {
                var bare = renderer
                bare.omitsId = true
                let record = record(index, position: position)
                bare.render(record, audit: audit(record, stream: index, moment: moment), into: &w)
            } else {
                w.raw(renderedRecord(index, position: position, moment: moment, renderer: renderer))
            }
        }
        w.endArray()
        w.key("totalResults")
        w.int(total)
        w.key("hasMore")
        w.bool(start + query.limit < total)
        w.key("totalPages")
        w.int((total + query.limit - 1) / query.limit)
        w.endObject()
        return RenderedPage(bytes: w.bytes, records: slice.count)
    }
}
