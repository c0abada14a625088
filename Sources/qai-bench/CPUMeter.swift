import Foundation

/// CPU seconds used by the benchmark's three parties: this process (the loader), the mock API
/// process, and the throwaway PostgreSQL cluster (postmaster, live backends, and the backends
/// that exited, which the postmaster reaped). Wall time on a shared 2-core machine varies with
/// other load; CPU seconds do much less, so changes are judged on both.
struct CPUMeter {
    /// A reading of all three parties.
    struct Reading {
        var loader: Double
        var mock: Double
        var postgres: Double

        static func - (lhs: Reading, rhs: Reading) -> Reading {
            Reading(loader: lhs.loader - rhs.loader, mock: lhs.mock - rhs.mock, postgres: lhs.postgres - rhs.postgres)
        }

        var text: String {
            "cpu: loader \(Figures.format(loader)) s, mock \(Figures.format(mock)) s, "
                + "postgres \(Figures.format(postgres)) s"
        }
    }

    let mockPID: Int32?
    let clusterDirectory: URL?

    func read() -> Reading {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let loader =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
        let mock = mockPID.map { Self.ticks(of: $0, includingChildren: false) } ?? 0
        return Reading(loader: loader, mock: mock, postgres: postgres())
    }

    private func postgres() -> Double {
        guard let directory = clusterDirectory,
            let text = try? String(
                contentsOf: directory.appending(path: "data/postmaster.pid"), encoding: .utf8),
            let postmaster = text.split(separator: "\n").first.flatMap({ Int32($0) })
        else { return 0 }
        var total = Self.ticks(of: postmaster, includingChildren: true)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry), let fields = Self.statFields(of: pid), fields.count > 13,
                Int32(fields[1]) == postmaster
            else { continue }
            total += Self.ticks(of: pid, includingChildren: false)
        }
        return total
    }

    /// utime + stime (+ cutime + cstime) of a process, in seconds.
    private static func ticks(of pid: Int32, includingChildren: Bool) -> Double {
        guard let fields = statFields(of: pid), fields.count > 14 else { return 0 }
        let range = includingChildren ? 11...14 : 11...12
        let ticks = range.reduce(0.0) { $0 + (Double(fields[$1]) ?? 0) }
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid, [11] utime,
    /// [12] stime, [13] cutime, [14] cstime.
    private static func statFields(of pid: Int32) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }
}
