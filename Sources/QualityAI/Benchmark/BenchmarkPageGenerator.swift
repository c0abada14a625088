/// Generates realistic response pages in the vendor's several spellings, for the decode benchmark.
struct BenchmarkPageGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// One compact page of `records` records, spelling styles mixed per record.
    mutating func page(records: Int, number: Int) -> [UInt8] {
        var text = #"{"results":["#
        for index in 0..<records {
            if index > 0 { text += "," }
            switch next(3) {
            case 0: text += titleCaseRecord(number * 1000 + index)
            case 1: text += camelCaseRecord(number * 1000 + index)
            default: text += voiceRecord(number * 1000 + index)
            }
        }
        text += #"],"totalResults":\#(records * 50),"hasMore":true,"totalPages":50}"#
        return Array(text.utf8)
    }

    private mutating func next(_ bound: Int) -> Int {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
    }

    private mutating func metricsTitleCase() -> String {
        (0..<(3 + next(6))).map { index in
            #"{"Metric ID":"em-\#(next(90000) + 10000)-816c-557b-b6a9-2d2c6297\#(index)","#
                + #""Metric Name":"Metric number \#(index) of the evaluation form","#
                + #""Metric Weight":\#(next(30)),"Metric Negative Weight":\#(next(30)),"#
                + #""Qualification":"\#(["YES", "NO", "NA", "-"][next(4)])","isFatalError":\#(next(9) == 0)}"#
        }.joined(separator: ",")
    }

    private mutating func titleCaseRecord(_ id: Int) -> String {
        let score = next(4) == 0 ? "null" : next(5) == 0 ? #""NA""# : String(next(201) - 100)
        return #"{"Conversation ID":"c-\#(id)-6d27-49d9-8557-9b0e8774abcd ","contact_direction":"inbound","#
            + #""is_direction_defaulted":false,"Audit Status":"Audited","Audit Score":\#(next(100)),"#
            + #""Audit Date":"2026-03-23 12:30:00","Auditor Name":"John Doe","#
            + #""Queues":[{"Queue ID":"qu-c304439-3d79-4389-b1cb-014eb75a\#(next(50))","Queue Name":"Default Queue - Q1"}],"#
            + #""Agents":[{"Agent ID":"a-424ea65-322b-47c1-8189-7200b64c\#(next(200))","Agent Name":"John Doe","#
            + #""Agent Email":"john.doe@example.com","Agent Start Time":"2026-03-23T10:17:54.120Z","Empathy Score":0.82}],"#
            + #""Kore Evaluation Score":\#(score),"Fatal Errors":0,"Language":"English","duration_status":"evaluated","#
            + #""Conversation Start Time":"2026-03-23T10:17:54Z","Conversation End Time":"2026-03-23T10:19:33Z","#
            + #""Duration":"99000 milliseconds","Metrics":[\#(metricsTitleCase())],"#
            + #""Taxonomy Resolution":"YES","Configured_Intents":{"topics":[{"topic_name":"Billing","level":"L1","#
            + #""confidence_score":0.91,"L2_topics":[{"topic_name":"Refund","confidence_score":0.8,"L3_topics":["#
            + #"{"topic_name":"Late refund","confidence_score":0.7,"sentiment":"negative","resolution":"false"}]}]}],"#
            + #""total_topics_identified":1}}"#
    }

    private mutating func camelCaseRecord(_ id: Int) -> String {
        let metrics = (0..<(3 + next(6))).map { index in
            #"{"metricId":"em-\#(next(90000))-67f9-5c30-8140","metricName":"Metric \#(index) \u00e9valuation","#
                + #""metricWeight":\#(next(30)).5,"metricNegativeWeight":\#(next(30)),"qualification":"YES","#
                + #""isFatalError":"false","triggerJustification":[{"message_id":["m1","m2"],"#
                + #""timestamp":[1711189074120,1711189075120]}]}"#
        }.joined(separator: ",")
        return #"{"conversationId":"c-\#(id)-ae1e-473a-ad97-6bd2add4abcd","customConversationId":"UAT_\#(id)","#
            + #""contactDirection":"outbound","auditStatus":"Not Assigned","auditScore":null,"audit_date":null,"#
            + #""auditor":null,"queues":[{"queueId":"qu-16c07483-765f","queueName":"PublicApiQueue"}],"#
            + #""agents":[{"agentId":"a-\#(next(300))","agentName":"Agent \#(next(300))"},"#
            + #"{"agentId":"a-\#(next(300))","agentName":"Second \"quoted\" agent"}],"#
            + #""koreEvalutionScore":\#(next(100)),"fatalErrorCount":"0","language":"English","#
            + #""conversationStartTime":1711189074120,"duration":99000,"metrics":[\#(metrics)],"#
            + #""generatedIntents":[{"intent":"Cancel subscription","confidence":0.93,"sentiment":"neutral","#
            + #""resolution":true,"keywords":["cancel","subscription","plan"]},{"topic":"Upgrade","confidence":"0.4"}],"#
            + #""configuredIntents":[{"L1":"Account","L2":"Closure","L3":"Retention offer","confidence":0.66,"#
            + #""sentiment":"neutral","resolution":"NA"}],"custom_fields":{"region":"EMEA","tier":2,"vip":true},"#
            + #""agentRecordings":["https://rec.example.com/a/\#(id).wav"]}"#
    }

    private mutating func voiceRecord(_ id: Int) -> String {
        #"{"conversationId":"c-\#(id)-da43-465c-9606-1abb5786abcd","src":"voice","duration_status":"evaluated","#
            + #""Kore Evaluation Score":"\#(next(100))","Pass Score":70,"IsPassed":"YES","#
            + #""Evaluation Form Name":"UK voice form","Evaluation Form Scoring Type":"weighted","#
            + #""Agents":[{"Agent ID":"a-\#(next(300))","Agent Name":"Voice Agent"}],"Metrics":[\#(metricsTitleCase())],"#
            + #""Sentiment":"positive","Sentiment Score":0.61,"Sentiment Ratio":{"positive":61.5,"neutral":30,"#
            + #""negative":8.5},"Sentiment Pattern":{"start":"neutral","end":"positive"},"IsChurnRiskObserved":false,"#
            + #""IsEscalationObserved":"false","Speaking Rate":[{"nWords":412,"timeTaken":180.5,"average":137,"#
            + #""score":0.8,"source":"agent","sourceId":"a-1"},{"nWords":220,"timeTaken":120,"average":110,"#
            + #""score":0.7,"source":"customer","sourceId":"u-1"}],"Customer emotions":[{"emotion":"joy","#
            + #""duration":12.5,"proportion":0.4}],"Agent emotions":[{"emotion":"calm","duration":30,"proportion":0.9}],"#
            + #""Duration":"\#(next(600)) seconds","Conversation Start Time":"2026-03-23 10:17:54","#
            + #""customerRecordings":["https://rec.example.com/c/\#(id).wav"]}"#
    }
}
