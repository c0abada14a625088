import ArgumentParser
import Foundation
import Logging
import Postgres
import QualityAI

/// `qai-loader check`: configuration, database (reachable, rights, schema version) and API
/// credentials, one line per check with what to do when it fails.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the configuration, the database (reachable, rights, schema version) and the API credentials.",
        discussion: """
            Prints one line per check (ok, FAIL, skip or info) and, after a failure, what to do. The database's \
            rights are checked per command group: migrate needs the owner's rights on the schema and its objects (or CREATE on the \
            database before the schema exists); sync, backfill and verify need USAGE on the schema, SELECT, \
            INSERT, UPDATE and DELETE on its fact_, bridge_, dim_, etl_ and rollup_ tables, SELECT on \
            schema_migrations, EXECUTE on its functions and TEMPORARY on the database; status needs SELECT on \
            the bookkeeping tables and fact_conversation. A missing right fails only for the commands named by \
            --for (default: all but migrate); for the others it is an info line. Each missing right is named \
            with the GRANT that adds it. The network line shows \
            the proxy in use (never its password) and the extra CA file. The API check sends \
            one request per stream for a one-second window in the year 2000. Nothing secret is printed. \
            Exit codes: 0 all checks passed, 64 a setting is invalid, 69 the database or API could not be \
            reached (and nothing else failed), 1 any other failure (wrong password or secret, a right the --for commands need, \
            schema not migrated).
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var api: APIOptions

    @Flag(help: "Check only the configuration and the database, not the API.")
    var skipAPI = false

    @Option(
        name: .customLong("for"),
        help: ArgumentHelp(
            "The commands this role runs (repeatable): missing rights of other commands are informational.",
            discussion: "Default: every command but migrate (sync, backfill, verify, status).",
            valueName: "command"))
    var targets: [CheckTarget] = []

    func run() async throws {
        let resolved: Settings
        let logger: Logger
        do {
            resolved = resolve(settings: try await options.settings())
            logger = try resolved.log.get().makeLogger()
        } catch {
            CommandRunner.printError("\(error)")
            throw ExitStatus.usage
        }
        let results = await checks(resolved, logger: logger)
        for result in results { result.lines.forEach { print($0) } }
        if let code = CheckResult.exitCode(results) { throw code }
    }

    /// Runs every check in order on the settings from `settings`; see ``checks(_:logger:)``.
    func checks(settings: EnvironmentSettings, logger: Logger) async -> [CheckResult] {
        await checks(resolve(settings: settings), logger: logger)
    }

    /// Runs every check in order; later checks are skipped when what they need failed. Each invalid
    /// setting is a failed configuration check.
    func checks(_ resolved: Settings, logger: Logger) async -> [CheckResult] {
        var results: [CheckResult] = []
        var apiSettings: APIConfiguration?
        var http: HTTPClientFactory?
        switch resolved.api {
        case .success(let settings)?:
            results.append(.ok("configuration", "API settings", Self.describe(settings)))
            apiSettings = settings
        case .failure(let error)?:
            results.append(
                .fail(
                    "configuration", "API settings", Self.message(error),
                    advice: "set it by flag, environment or --config file (secrets also as NAME_FILE); "
                        + "see qai-loader check --help",
                    failure: .configuration))
        case nil: break
        }
        switch resolved.http {
        case .success(let factory)?:
            http = factory
            results.append(.ok("configuration", "network", factory.summary))
        case .failure(let error)?:
            results.append(
                .fail(
                    "configuration", "network", Self.message(error),
                    advice: "fix --proxy / QAI_PROXY / HTTPS_PROXY (http://[user:password@]host:port, or none) "
                        + "or --ca-file / QAI_CA_FILE (a readable PEM file)",
                    failure: .configuration))
        case nil: break
        }
        let database: DatabaseConfiguration
        let schema: Identifier
        switch resolved.database {
        case .success(let settings):
            (database, schema) = settings
            results.append(.ok("configuration", "database settings", "\(database.redacted); schema \(schema.name)"))
        case .failure(let error):
            results.append(
                .fail(
                    "configuration", "database settings", Self.message(error),
                    advice: "fix --database-url / DATABASE_URL (postgresql://user@host:5432/dbname) or --schema",
                    failure: .configuration))
            results += DatabaseChecks.names.map { .skip("database", $0, "the database settings are invalid") }
            return results + (skipAPI ? [] : await APICheck.run(apiSettings, http: http, logger: logger))
        }
        results += await DatabaseChecks(
            configuration: database, schema: schema, required: CheckTarget.required(targets), logger: logger
        ).run()
        if !skipAPI { results += await APICheck.run(apiSettings, http: http, logger: logger) }
        return results
    }

    /// Where the API settings point, without the JWT or client secret.
    static func describe(_ settings: APIConfiguration) -> String {
        let credentials: String
        switch settings.credentials {
        case .jwt: credentials = "a JWT"
        case .clientCredentials(let clientId, _): credentials = "client id \(clientId) with its secret"
        }
        let rate = settings.requestsPerMinute == 0 ? "unlimited" : "\(settings.requestsPerMinute) requests a minute"
        return "\(settings.baseURL), stream\(settings.streamIds.count == 1 ? "" : "s") "
            + "\(settings.streamIds.joined(separator: ", ")), account \(settings.accountId), org \(settings.orgId), "
            + "\(credentials), \(rate)"
    }

    /// An error's message without ArgumentParser's or our own wrapping.
    static func message(_ error: any Error) -> String {
        if let validation = error as? ValidationError { return validation.message }
        if let postgres = error as? PostgresError { return postgres.message }
        return "\(error)"
    }
}
