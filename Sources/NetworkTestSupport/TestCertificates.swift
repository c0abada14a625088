import Foundation

/// A certificate authority and a server certificate for `127.0.0.1` and `localhost`, made with
/// `openssl` at test time in a temporary directory (once per test process).
public struct TestCertificates: Sendable {
    /// The CA certificate (PEM): what `QAI_CA_FILE` names.
    public let caCertificate: String
    /// The server certificate (PEM), signed by the CA.
    public let serverCertificate: String
    /// The server's private key (PEM).
    public let serverKey: String
    /// A file that is not PEM, for the configuration-error tests.
    public let notPEM: String

    private static let made = Result { try TestCertificates.make() }

    /// The process's certificates, made on first use.
    /// - Throws: `CertificateSetupError` when `openssl` is missing or fails.
    public static func shared() throws -> TestCertificates { try made.get() }

    private static func make() throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appending(path: "qai-test-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func path(_ name: String) -> String { directory.appending(path: name).path }
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(
            ["req", "-x509"] + key + [
                "-keyout", path("ca.key"), "-out", path("ca.pem"), "-days", "2", "-subj", "/CN=qai-loader test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ])
        try openssl(
            ["req"] + key + ["-keyout", path("server.key"), "-out", path("server.csr"), "-subj", "/CN=localhost"])
        try Data(
            """
            subjectAltName=IP:127.0.0.1,DNS:localhost
            basicConstraints=CA:FALSE
            keyUsage=critical,digitalSignature,keyEncipherment
            extendedKeyUsage=serverAuth

            """.utf8
        ).write(to: URL(filePath: path("server.ext")))
        try openssl([
            "x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
            "-CAcreateserial", "-out", path("server.pem"), "-days", "2", "-extfile", path("server.ext"),
        ])
        try Data("this is not a certificate\n".utf8).write(to: URL(filePath: path("not-pem.txt")))
        return TestCertificates(
            caCertificate: path("ca.pem"), serverCertificate: path("server.pem"), serverKey: path("server.key"),
            notPEM: path("not-pem.txt"))
    }

    private static func openssl(_ arguments: [String]) throws {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard
            let binary = paths.map({ "\($0)/openssl" }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else {
            throw CertificateSetupError(detail: "openssl is not on PATH: install it (bash .ci/install-deps)")
        }
        let process = Process()
        process.executableURL = URL(filePath: binary)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CertificateSetupError(
                detail: "openssl \(arguments.prefix(2).joined(separator: " ")) exited \(process.terminationStatus)")
        }
    }
}

/// The test CA could not be made.
public struct CertificateSetupError: Error, CustomStringConvertible {
    public var detail: String
    public var description: String { "making the test certificates failed: \(detail)" }
}
