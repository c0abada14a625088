import Testing

@testable import QualityAI

/// Every configured-taxonomy shape of the documentation flattens to the same leaf paths.
@Suite struct ConfiguredIntentTests {
    typealias Leaf = Conversation.ConfiguredIntent

    /// Leaves as `L1 > L2 > L3 @confidence` strings, easy to compare and to read in a failure.
    static func paths(_ record: String) throws -> [String] {
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.warnings == [])
        return conversation.configuredIntents.map { leaf in
            [leaf.l1, leaf.l2, leaf.l3].compactMap { $0 }.joined(separator: " > ")
                + " @\(leaf.confidence?.text ?? "-") \(leaf.sentiment ?? "-") \(leaf.resolution ?? "-")"
        }
    }

    static let shapes: [String: (json: String, paths: [String])] = [
        "topics tree": (
            #"""
            {"topics":[
              {"topic_name":"Billing","level":"L1","confidence_score":0.9,"L2_topics":[
                {"topic_name":"Refund","confidence_score":0.8,"L3_topics":[
                  {"topic_name":"Late refund","confidence_score":0.7,"sentiment":"negative","resolution":false},
                  {"topic_name":"Partial refund","confidence_score":0.6,"sentiment":"neutral","resolution":"YES"}]},
                {"topic_name":"Invoice","confidence_score":0.5}]},
              {"topic_name":"Greeting","level":"L1","confidence_score":0.4,"L2_topics":[]}],
             "total_topics_identified":3}
            """#,
            [
                "Billing > Refund > Late refund @0.7 negative false",
                "Billing > Refund > Partial refund @0.6 neutral YES", "Billing > Invoice @0.5 - -", "Greeting @0.4 - -",
            ]
        ),
        "flat object": (
            #"{"L1":"Billing","L2":"Refund","L3":"Late refund","confidence":0.7,"sentiment":"negative","resolution":"NA"}"#,
            ["Billing > Refund > Late refund @0.7 negative NA"]
        ),
        "flat list": (
            #"""
            [{"L1":"Billing","L2":"Refund","L3":"Late refund","confidence":0.7},
             {"L1":"Billing","L2":"Refund","confidence":"0.5"},{"L1":"Greeting"}]
            """#,
            ["Billing > Refund > Late refund @0.7 - -", "Billing > Refund @0.5 - -", "Greeting @- - -"]
        ),
        "flat nested lists": (
            #"{"L1":"Billing","L2":[{"L2":"Refund","L3":[{"L3":"Late refund","confidence":0.7}]},{"L2":"Invoice"}]}"#,
            ["Billing > Refund > Late refund @0.7 - -", "Billing > Invoice @- - -"]
        ),
        "intents wrapper": (
            #"{"Intents":[{"name":"Billing","confidence":0.9,"subtopics":[{"name":"Refund","confidence":0.8}]}]}"#,
            ["Billing > Refund @0.8 - -"]
        ),
        "names only": (#"["Billing","Greeting"]"#, ["Billing @- - -", "Greeting @- - -"]),
        "empty": (#"{"topics":[],"total_topics_identified":0}"#, []),
    ]

    @Test(arguments: [
        "topics tree", "flat object", "flat list", "flat nested lists", "intents wrapper", "names only", "empty",
    ])
    func shapeFlattens(shape: String) throws {
        let (json, expected) = try #require(Self.shapes[shape])
        #expect(try Self.paths(#"{"conversationId":"c","configuredIntents":\#(json)}"#) == expected)
    }

    @Test(arguments: ["Intents", "Topics", "Configured_Intents", "Configured Intents"])
    func everyKeySpellingIsRead(key: String) throws {
        let record = #"{"conversationId":"c","\#(key)":[{"L1":"Billing","L2":"Refund"}]}"#
        #expect(try Self.paths(record) == ["Billing > Refund @- - -"])
    }

    @Test func taxonomyResolutionInsideTheTaxonomyIsRead() throws {
        let record =
            #"{"conversationId":"c","configuredIntents":{"topics":[{"topic_name":"Billing"}],"Taxonomy Resolution":false}}"#
        let conversation = try #require(try decodeRecord(record))
        #expect(conversation.taxonomyResolution == "false")
        #expect(conversation.configuredIntents == [Leaf(l1: "Billing")])
    }

    @Test func generatedIntentNameComesFromIntentTopicOrName() throws {
        let record = #"""
            {"conversationId":"c","Generated Intents":[{"intent":"A"},{"topic":"B","keywords":"single"},
             {"name":"C","resolution":false,"Sentiment":"positive","Sentiment Score":"0.2"}]}
            """#
        let intents = try #require(try decodeRecord(record)).generatedIntents
        #expect(intents.map(\.name) == ["A", "B", "C"])
        #expect(intents[1].keywords == ["single"])
        #expect(intents[2] == .init(name: "C", sentiment: "positive", sentimentScore: dec("0.2"), resolution: "false"))
    }
}
