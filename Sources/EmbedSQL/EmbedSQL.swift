import Foundation
import PackagePlugin

/// Embeds every `sql/**/*.sql` file of the package into the target as a generated Swift source,
/// so the installed binary carries its migrations and does not need the checkout beside it.
@main
struct EmbedSQL: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let sqlRoot = context.package.directoryURL.appending(path: "sql")
        let files = sqlFiles(under: sqlRoot)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSQL.swift")
        var arguments = [output.path(percentEncoded: false), sqlRoot.path(percentEncoded: false)]
        arguments += files.map { $0.path(percentEncoded: false) }
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) SQL files",
                executable: try context.tool(named: "EmbedSQLTool").url,
                arguments: arguments,
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }

    private func sqlFiles(under root: URL) -> [URL] {
        guard
            let walker = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return [] }
        var found: [URL] = []
        for case let url as URL in walker where url.pathExtension == "sql" {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}
