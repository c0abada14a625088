import ArgumentParser

/// `--from` and `--to` of the commands that work on an explicit range (`backfill`, `verify`).
struct RangeOptions: ParsableArguments {
    @Option(help: "Start of the range (inclusive).")
    var from: TimeArgument

    @Option(help: "End of the range (inclusive; a date means the end of that day).")
    var to: TimeArgument

    /// A range ends at most this long before now, like `sync`'s default settle time: a loaded slice
    /// marks its time as loaded, and conversations after now do not exist yet.
    static let settleSeconds: Int64 = 600

    /// The end of the range, exclusive, epoch seconds.
    var endExclusive: Int64 { to.isDate ? to.seconds + 86_400 : to.seconds + 1 }

    func validate() throws {
        guard endExclusive > from.seconds else {
            throw ValidationError("--to (\(to.text)) must not be before --from (\(from.text))")
        }
    }

    /// The range's end, clipped to `settleSeconds` before `now`; throws when nothing is left, saying
    /// what there is nothing of (`nothing`: "to load yet ...", "to compare yet").
    func end(now: Int64, nothing: String) throws -> Int64 {
        let end = min(endExclusive, now - Self.settleSeconds)
        guard end > from.seconds else {
            throw ValidationError("--from (\(from.text)) is less than ten minutes ago: nothing \(nothing)")
        }
        return end
    }
}
