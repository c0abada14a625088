import Foundation
import Testing

@Suite("deploy/: systemd units, crontab and Kubernetes manifests")
struct DeployFileTests {
    static let deploy = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "deploy")

    static func read(_ path: String) throws -> String {
        try String(contentsOf: deploy.appending(path: path), encoding: .utf8)
    }

    /// `Key=value` lines of a unit file, in order (comments and section headers left out).
    static func settings(_ text: String) -> [(key: String, value: String)] {
        text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.hasPrefix("["), let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        }
    }

    @Test("the service: oneshot, secrets only as credentials, hardened; the timer: nightly, randomised, persistent")
    func systemdKeys() throws {
        let service = Self.settings(try Self.read("systemd/qai-loader-sync.service"))
        func values(_ key: String) -> [String] { service.filter { $0.key == key }.map(\.value) }
        #expect(values("Type") == ["oneshot"])
        for (key, value) in [
            ("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes"),
        ] {
            #expect(values(key) == [value], "\(key)")
        }
        #expect(values("EnvironmentFile") == ["/etc/qai-loader/qai-loader.env"])
        let credentials = Set(values("LoadCredential").compactMap { $0.split(separator: ":").first.map(String.init) })
        #expect(credentials == ["client-secret", "pgpass"])
        let fileReferences = values("Environment").compactMap { value in
            value.range(of: "%d/").map { String(value[$0.upperBound...]) }
        }
        #expect(Set(fileReferences) == credentials, "every credential is read through a %d/ file")
        #expect(values("Environment").contains("QAI_CLIENT_SECRET_FILE=%d/client-secret"))
        #expect(!service.contains { $0.value.contains("QAI_CLIENT_SECRET=") || $0.value.contains("PGPASSWORD") })
        #expect(values("ExecStart").first?.contains("qai-loader sync --log-format json") == true)

        let timer = Self.settings(try Self.read("systemd/qai-loader-sync.timer"))
        #expect(timer.contains { $0 == ("Persistent", "true") })
        #expect(timer.contains { $0.key == "RandomizedDelaySec" })
        #expect(timer.contains { $0 == ("Unit", "qai-loader-sync.service") })
        #expect(timer.contains { $0 == ("WantedBy", "timers.target") })

        let environment = Self.settings(try Self.read("systemd/qai-loader.env.example"))
        #expect(!environment.contains { $0.key.contains("SECRET") || $0.key == "QAI_JWT" || $0.key == "PGPASSWORD" })
        let url = environment.first { $0.key == "DATABASE_URL" }?.value ?? ""
        #expect(url.hasPrefix("\"postgresql://"), "quoted, so sh can source the file too")
        #expect(url.range(of: #"://[^/@]*:[^/@]*@"#, options: .regularExpression) == nil, "no password in the URL")
    }

    /// Where the machine has `systemd-analyze`, `verify` must accept both units without a word (the
    /// service's ExecStart pointed at the built binary, since verify checks that it exists).
    @Test("systemd-analyze verify accepts the service and the timer, when the machine has it")
    func systemdVerify() async throws {
        let timerSettings = Self.settings(try Self.read("systemd/qai-loader-sync.timer"))
        let calendar = timerSettings.first { $0.key == "OnCalendar" }?.value ?? ""
        #expect(calendar.range(of: #"^\*-\*-\* \d{2}:\d{2}:\d{2} UTC$"#, options: .regularExpression) != nil)
        guard
            let tool = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { return }
        let directory = FileManager.default.temporaryDirectory.appending(path: "qai-units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = try LoaderProcess.binary().path
        let service = try Self.read("systemd/qai-loader-sync.service")
            .replacingOccurrences(of: "/usr/local/bin/qai-loader", with: binary)
        #expect(service.contains(binary), "ExecStart names /usr/local/bin/qai-loader")
        try Data(service.utf8).write(to: directory.appending(path: "qai-loader-sync.service"))
        try Data(try Self.read("systemd/qai-loader-sync.timer").utf8).write(
            to: directory.appending(path: "qai-loader-sync.timer"))
        let units = ["qai-loader-sync.service", "qai-loader-sync.timer"].map { directory.appending(path: $0).path }
        let output = try await LoaderProcess.run(
            executable: URL(filePath: tool), ["verify", "--man=no"] + units, environment: [:])
        #expect(output.exitCode == 0, "\(output.all)")
        #expect(output.stderr.isEmpty && output.stdout.isEmpty, "\(output.all)")
    }

    @Test("the crontab: one job line with five valid schedule fields, flock -n, logging to a file")
    func crontab() throws {
        let lines = try Self.read("cron/qai-loader.crontab").split(separator: "\n").filter { !$0.hasPrefix("#") }
        let environment = lines.filter { $0.range(of: #"^[A-Z_]+=\S+$"#, options: .regularExpression) != nil }
        let jobs = lines.filter { !environment.contains($0) }
        #expect(jobs.count == 1, "\(jobs)")
        let fields = try #require(jobs.first).split(separator: " ")
        let ranges = [0...59, 0...23, 1...31, 1...12, 0...7]
        for (field, range) in zip(fields.prefix(5), ranges) {
            #expect(Self.cronFieldIsValid(String(field), range), "schedule field \(field)")
        }
        #expect(fields.count > 5 && fields[5] == "flock")
        let command = fields.dropFirst(6).joined(separator: " ")
        #expect(command.hasPrefix("-n "))
        #expect(command.contains("qai-loader sync"))
        #expect(command.hasSuffix(">> /var/log/qai-loader/sync.log 2>&1"))
        #expect(!jobs[0].contains("%"), "% ends a cron command")
        #expect(environment.contains { $0.hasPrefix("QAI_CLIENT_SECRET_FILE=") })
        #expect(!environment.contains { $0.hasPrefix("QAI_CLIENT_SECRET=") || $0.hasPrefix("PGPASSWORD=") })
    }

    /// `*`, a number, a range, a list of them, each optionally with `/step`, within `range`.
    static func cronFieldIsValid(_ field: String, _ range: ClosedRange<Int>) -> Bool {
        field.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { part in
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2, pieces.count == 1 || Int(pieces[1]).map({ $0 > 0 }) == true else { return false }
            if pieces[0] == "*" { return true }
            let bounds = pieces[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.map(range.contains) == true }) else {
                return false
            }
            return bounds.count == 1 || bounds[0]! <= bounds[1]!
        }
    }
}
