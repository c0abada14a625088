import Foundation

/// A PostgreSQL cluster in a temporary directory, reachable only through a Unix socket there:
/// `initdb` + `pg_ctl`, run as the `postgres` OS user when the process is root. Used by tests,
/// benchmarks and `qai-loader demo`; `stop()` shuts it down and removes the directory.
public final class ThrowawayCluster: Sendable {
    /// The temporary directory holding the data directory and the socket.
    public let directory: URL
    /// The socket directory (pass as `host`).
    public let socketDirectory: String
    public let port: Int
    /// The superuser, connecting without a password over the socket.
    public let superuser = "postgres"
    private let binDirectory: URL
    private let runAsPostgres: Bool

    /// A `key=value` connection string for `database` as the superuser.
    public func connectionString(database: String = "postgres") -> String {
        "host=\(socketDirectory) port=\(port) user=\(superuser) dbname=\(database)"
    }

    /// Creates and starts a cluster. Roles other than the superuser must use a password
    /// (scram-sha-256), so authentication failures can be tested. Not `durable` (tests, `demo`):
    /// fsync, synchronous commit and full-page writes are off; `durable` (benchmarks): PostgreSQL's
    /// defaults, as users run it.
    public static func start(port: Int = 5432, durable: Bool = false) throws -> ThrowawayCluster {
        let binDirectory = try findServerBinaries()
        let directory = URL(filePath: NSTemporaryDirectory()).appending(path: "qai-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let runAsPostgres = getuid() == 0
        if runAsPostgres {
            _ = try ProcessRunner.run("/bin/chown", ["postgres", directory.path])
        }
        let cluster = ThrowawayCluster(
            directory: directory, port: port, binDirectory: binDirectory, runAsPostgres: runAsPostgres)
        do {
            try cluster.initialise()
            try cluster.startServer(durable: durable)
        } catch {
            cluster.stop()
            throw error
        }
        return cluster
    }

    private init(directory: URL, port: Int, binDirectory: URL, runAsPostgres: Bool) {
        self.directory = directory
        self.socketDirectory = directory.path
        self.port = port
        self.binDirectory = binDirectory
        self.runAsPostgres = runAsPostgres
    }

    private var dataDirectory: String { directory.appending(path: "data").path }

    private func tool(_ name: String, _ arguments: [String]) throws {
        let path = binDirectory.appending(path: name).path
        if runAsPostgres {
            _ = try ProcessRunner.run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments)
        } else {
            _ = try ProcessRunner.run(path, arguments)
        }
    }

    private func initialise() throws {
        try tool(
            "initdb", ["-D", dataDirectory, "-U", superuser, "-E", "UTF8", "--no-locale", "-N", "-A", "trust"])
        let hba = """
            local all \(superuser) trust
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256

            """
        let hbaPath = directory.appending(path: "data/pg_hba.conf")
        try Data(hba.utf8).write(to: hbaPath)
        if runAsPostgres { _ = try ProcessRunner.run("/bin/chown", ["postgres", hbaPath.path]) }
    }

    private func startServer(durable: Bool) throws {
        let fast = durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        let options =
            ([
                "-c listen_addresses=''", "-c unix_socket_directories='\(socketDirectory)'", "-p \(port)",
                "-c max_connections=400", "-c shared_buffers=256MB", "-c max_wal_size=2GB",
            ] + fast).joined(separator: " ")
        try tool(
            "pg_ctl",
            [
                "-D", dataDirectory, "-o", options, "-l", directory.appending(path: "server.log").path, "-w", "-t",
                "60",
                "start",
            ])
    }

    /// Restarts the server (fast shutdown), for tests of lost connections.
    public func restart() throws {
        try tool("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "restart"])
    }

    /// Stops the server at once and removes the directory. Safe to call twice.
    public func stop() {
        Self.stop(directory: directory)
    }

    /// Stops the cluster in `directory` by signalling its postmaster (no subprocess, so it is
    /// safe at process exit) and removes the directory.
    public static func stop(directory: URL) {
        let pidFile = directory.appending(path: "data/postmaster.pid")
        let text = ProcessRunner.readTextFile(pidFile.path)
        if let pid = text.split(separator: "\n").first.flatMap({ Int32($0) }) {
            kill(pid, SIGQUIT)
            for _ in 0..<200 where kill(pid, 0) == 0 { usleep(25_000) }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The server's bin directory: `pg_config --bindir`, else the newest /usr/lib/postgresql/N/bin.
    static func findServerBinaries() throws -> URL {
        if let bindir = try? ProcessRunner.run("pg_config", ["--bindir"]).trimmingCharacters(
            in: .whitespacesAndNewlines),
            FileManager.default.fileExists(atPath: bindir + "/pg_ctl")
        {
            return URL(filePath: bindir)
        }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let candidate = "\(root)/\(version)/bin"
            if FileManager.default.fileExists(atPath: candidate + "/pg_ctl") { return URL(filePath: candidate) }
        }
        throw ClusterError(
            message: "no PostgreSQL server found (looked for pg_config --bindir and /usr/lib/postgresql/*/bin): "
                + "install it with 'apt-get install -y postgresql', or point PGHOST/DATABASE_URL at a server")
    }
}

/// A failure to create or run a throwaway cluster, with what to do about it.
public struct ClusterError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
