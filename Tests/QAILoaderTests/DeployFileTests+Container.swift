import Foundation
import TestSupport
import Testing

extension DeployFileTests {
    /// The Dockerfile's instructions, continuation lines joined, comments left out.
    static func instructions(_ text: String) -> [(keyword: String, arguments: String)] {
        text.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let space = trimmed.firstIndex(of: " ") else { return nil }
            return (trimmed[..<space].uppercased(), trimmed[space...].trimmingCharacters(in: .whitespaces))
        }
    }

    @Test("the container image: two stages, the shared build and runtime scripts, the CronJob's user, no secrets")
    func containerImage() throws {
        let dockerfile = Self.instructions(try Self.read("container/Dockerfile"))
        let stages = dockerfile.enumerated().filter { $0.element.keyword == "FROM" }
        #expect(stages.count == 2, "a build stage and a runtime stage")
        let runtimeStart = try #require(stages.last?.offset)
        let build = dockerfile[..<runtimeStart]
        let runtime = dockerfile[runtimeStart...]
        #expect(build.contains { $0.keyword == "RUN" && $0.arguments.contains("deploy/container/build-binary.sh") })
        #expect(runtime.contains { $0.keyword == "RUN" && $0.arguments.contains("runtime-setup.sh") })
        #expect(runtime.contains { $0.keyword == "COPY" && $0.arguments.hasPrefix("--from=build ") })
        #expect(!runtime.contains { $0.keyword == "RUN" && $0.arguments.contains("swift") }, "no toolchain at run time")
        var arguments: [String: String] = [:]
        for instruction in dockerfile where instruction.keyword == "ARG" {
            let parts = instruction.arguments.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2, arguments[parts[0]] == nil { arguments[parts[0]] = parts[1] }
        }
        #expect(arguments["RUNTIME_IMAGE"] == "debian:bookworm-slim", "the root file system .ci/image-contents builds")
        #expect(arguments["SWIFT_IMAGE"]?.hasSuffix("-bookworm") == true)

        let job = try YAMLSubset.parse(try Self.read("kubernetes/cronjob.yaml"))
        let pod = try #require(job["spec.jobTemplate.spec.template.spec"])
        let user = try #require(pod["securityContext.runAsUser"]?.string)
        let group = try #require(pod["securityContext.runAsGroup"]?.string)
        #expect(runtime.last { $0.keyword == "USER" }?.arguments == "\(user):\(group)")
        let container = try #require(pod["containers"]?.items.first)
        #expect(container["securityContext.readOnlyRootFilesystem"]?.string == "true")
        let tmp = (container["volumeMounts"]?.items ?? []).first { $0["mountPath"]?.string == "/tmp" }
        #expect(tmp != nil, "a read-only image writes to /tmp only: the job mounts a volume there")
        #expect(runtime.contains { $0.keyword == "ENTRYPOINT" && $0.arguments == #"["/usr/local/bin/qai-loader"]"# })
        #expect(!dockerfile.contains { $0.keyword == "ENV" && $0.arguments.contains("SECRET") })

        let setup = try Self.read("container/runtime-setup.sh")
        #expect(setup.contains("--uid \(user)") && setup.contains("--gid \(group)"))
        #expect(setup.contains(#"packages="libpq5 ca-certificates""#))
        let binary = try Self.read("container/build-binary.sh")
        #expect(binary.contains("swift build -c release --product qai-loader --static-swift-stdlib"))
        let ignore = try Self.read("container/Dockerfile.dockerignore").split(separator: "\n")
        #expect(ignore.contains("*") && ignore.contains("!Sources") && !ignore.contains("!.build"))
    }
}
