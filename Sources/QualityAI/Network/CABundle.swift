import NIOSSL

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Extra CA certificates the API client trusts besides the system's, read once from a PEM bundle
/// (`QAI_CA_FILE`), e.g. the CA of a TLS-inspecting proxy or gateway.
public struct CABundle: Sendable {
    /// The file the certificates came from.
    public let path: String
    /// The certificates it holds, at least one.
    public let certificates: [NIOSSLCertificate]

    /// Reads and checks the bundle at `path`.
    /// - Throws: `.configuration` naming `setting` when the file is missing, unreadable or holds no
    ///   PEM certificate.
    public init(path: String, setting: String) throws(APIError) {
        let form = "give a readable PEM file of CA certificates (-----BEGIN CERTIFICATE----- blocks)"
        guard FileManager.default.fileExists(atPath: path) else {
            throw .configuration(setting: setting, problem: "names \(path), which does not exist: \(form)")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .configuration(setting: setting, problem: "names \(path), which cannot be read: \(form)")
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw .configuration(setting: setting, problem: "names \(path), which is not a PEM bundle: \(form)")
        }
        guard !certificates.isEmpty else {
            throw .configuration(setting: setting, problem: "names \(path), which holds no certificate: \(form)")
        }
        self.path = path
        self.certificates = certificates
    }

    /// `/etc/ssl/corp-ca.pem (2 certificates)`, for logs and `check`.
    public var summary: String {
        "\(path) (\(certificates.count) certificate\(certificates.count == 1 ? "" : "s"))"
    }
}
