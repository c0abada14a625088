import TestSupport
import Testing

@testable import qai_loader

extension DeployFileTests {
    @Test("the CronJob: Forbid, backoffLimit, secrets by secretKeyRef and a mounted file, requests and limits")
    func cronJob() throws {
        let job = try YAMLSubset.parse(try Self.read("kubernetes/cronjob.yaml"))
        #expect(job["apiVersion"]?.string == "batch/v1")
        #expect(job["kind"]?.string == "CronJob")
        let schedule = try #require(job["spec.schedule"]?.string).split(separator: " ")
        #expect(schedule.count == 5)
        for (field, range) in zip(schedule, [0...59, 0...23, 1...31, 1...12, 0...7]) {
            #expect(Self.cronFieldIsValid(String(field), range), "schedule field \(field)")
        }
        #expect(job["spec.concurrencyPolicy"]?.string == "Forbid")
        #expect(job["spec.jobTemplate.spec.backoffLimit"]?.string.flatMap { Int($0) } != nil)
        #expect(job["spec.jobTemplate.spec.template.spec.restartPolicy"]?.string == "Never")
        let pod = try #require(job["spec.jobTemplate.spec.template.spec"])
        let containers = pod["containers"]?.items ?? []
        #expect(containers.count == 1)
        let container = try #require(containers.first)
        #expect(container["args"]?.items.compactMap(\.string) == ["sync", "--log-format", "json"])
        for key in ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"] {
            #expect(container["resources.\(key)"]?.string?.isEmpty == false, "resources.\(key)")
        }
        let env = container["env"]?.items ?? []
        let secretKeys = env.compactMap { variable -> String? in
            guard variable["valueFrom.secretKeyRef.name"]?.string == "qai-loader" else { return nil }
            return variable["valueFrom.secretKeyRef.key"]?.string
        }
        #expect(Set(secretKeys) == ["client-id", "database-url"])
        #expect(!env.contains { $0["name"]?.string == "QAI_CLIENT_SECRET" })
        let secretFile = env.first { $0["name"]?.string == "QAI_CLIENT_SECRET_FILE" }?["value"]?.string
        let mount = (container["volumeMounts"]?.items ?? []).first { $0["name"]?.string == "credentials" }
        let mountPath = try #require(mount?["mountPath"]?.string)
        #expect(secretFile == mountPath + "/client-secret")
        let push = try #require(
            env.first { $0["name"]?.string == "QAI_METRICS_PUSH_URL" }?["value"]?.string,
            "the CronJob pushes its metrics to a Pushgateway")
        #expect(push.hasPrefix("http://pushgateway."))
        #expect(try MetricsPushTarget(url: push, setting: "QAI_METRICS_PUSH_URL").authorization == nil)
        #expect(mount?["readOnly"]?.string == "true")
        let volume = (pod["volumes"]?.items ?? []).first { $0["name"]?.string == "credentials" }
        #expect(volume?["secret.secretName"]?.string == "qai-loader")
        #expect(volume?["secret.items.0.key"]?.string == "client-secret")
        #expect(volume?["secret.items.0.path"]?.string == "client-secret")

        let secret = try YAMLSubset.parse(try Self.read("kubernetes/secret.example.yaml"))
        #expect(secret["kind"]?.string == "Secret" && secret["metadata.name"]?.string == "qai-loader")
        guard case .map(let data) = secret["stringData"] else {
            Issue.record("secret.example.yaml has no stringData")
            return
        }
        #expect(Set(data.keys) == Set(secretKeys + ["client-secret"]))
        let config = try YAMLSubset.parse(try Self.read("kubernetes/configmap.yaml"))
        #expect(config["kind"]?.string == "ConfigMap")
        #expect(config["data.QAI_STREAM_ID"] != nil && config["data.QAI_CLIENT_SECRET"] == nil)
        let configMapRef = container["envFrom.0.configMapRef.name"]?.string
        #expect(configMapRef == config["metadata.name"]?.string)
    }

    @Test("the YAML subset parser reads nesting, lists of mappings and flow lists, and refuses what it cannot")
    func yamlSubset() throws {
        let node = try YAMLSubset.parse(
            """
            # comment
            a:
              b: "x y"
              list:
                - name: one
                  value: 1
                - plain
              flow: [p, 'q']
            c: d
            """)
        #expect(node["a.b"]?.string == "x y")
        #expect(node["a.list.0.name"]?.string == "one" && node["a.list.0.value"]?.string == "1")
        #expect(node["a.list.1"]?.string == "plain")
        #expect(node["a.flow"]?.items.compactMap(\.string) == ["p", "q"])
        #expect(node["c"]?.string == "d")
        #expect(throws: YAMLSubsetError.self) { try YAMLSubset.parse("a:\n  b: |\n    text") }
        #expect(throws: YAMLSubsetError.self) { try YAMLSubset.parse("a: 1\na: 2") }
        #expect(throws: YAMLSubsetError.self) { try YAMLSubset.parse("a:\n    b: 1\n  c: 2") }
    }
}
