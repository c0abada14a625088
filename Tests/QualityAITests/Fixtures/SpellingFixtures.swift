@testable import QualityAI

/// One conversation written in each spelling style seen in the vendor's documentation.
enum SpellingFixtures {
    /// The values every style below encodes, written out by hand.
    static var expected: Conversation {
        var value = Conversation(conversationId: "c-42")
        value.customConversationId = "CUST-42"
        value.src = "voice"
        value.contactDirection = "inbound"
        value.isDirectionDefaulted = true
        value.durationStatus = "evaluated"
        value.language = "English"
        value.conversationStart = ts(seconds: 1_774_261_074)
        value.conversationEnd = ts(seconds: 1_774_261_173)
        value.durationMs = 99_000
        value.koreEvaluationScore = dec("-12.5")
        value.passScore = dec("70")
        value.isPassed = false
        value.evaluationFormName = "UK form"
        value.evaluationFormScoringType = "weighted"
        value.fatalErrorCount = 1
        value.auditStatus = "Audited"
        value.auditScore = dec("80")
        value.auditDate = ts(seconds: 1_774_269_000)
        value.auditor = "Jane Supervisor"
        value.agents = [
            .init(
                id: "a-1", name: "Lily Agent", email: "lily@example.com", startTime: ts(seconds: 1_774_261_074),
                empathyScore: dec("0.8"))
        ]
        value.queues = [.init(id: "q-1", name: "Billing")]
        value.metrics = [
            .init(
                metricId: "m-1", metricName: "Greeting", weight: dec("28"), negativeWeight: dec("27"),
                qualification: "YES", isFatalError: false),
            .init(
                metricName: "Sign-off", weight: dec("10"), negativeWeight: dec("0"), qualification: "NA",
                isFatalError: true),
        ]
        value.sentiment = "positive"
        value.sentimentScore = dec("0.61")
        value.sentimentRatio = .init(positive: dec("61.5"), neutral: dec("30"), negative: dec("8.5"))
        value.sentimentPattern = .init(start: "neutral", end: "positive")
        value.isChurnRiskObserved = false
        value.isEscalationObserved = true
        value.taxonomyResolution = "YES"
        value.generatedIntents = [
            .init(
                name: "Refund request", confidence: dec("0.93"), sentiment: "negative", sentimentScore: dec("-0.4"),
                keywords: ["refund", "late"])
        ]
        value.configuredIntents = [
            .init(
                l1: "Billing", l2: "Refund", l3: "Late refund", confidence: dec("0.7"), sentiment: "negative",
                resolution: "false")
        ]
        value.speakingRate = [
            .init(
                words: dec("412"), timeTaken: dec("180.5"), average: dec("137"), score: dec("0.8"), source: "agent",
                sourceId: "a-1")
        ]
        value.emotions = [
            .init(source: .customer, emotion: "joy", duration: dec("12.5"), proportion: dec("0.4")),
            .init(source: .agent, emotion: "calm", duration: dec("30"), proportion: dec("0.9")),
        ]
        value.customFields = [.init(key: "region", value: "EMEA"), .init(key: "tier", value: "2")]
        value.agentRecordings = ["https://rec.example.com/a.wav"]
        value.customerRecordings = ["https://rec.example.com/c.wav"]
        return value
    }

    /// The spellings of the API page's parameter table (camelCase plus its snake_case fields).
    static let camelCase = #"""
        {"conversationId":"c-42","customConversationId":"CUST-42","src":"voice","contactDirection":"inbound",
         "is_direction_defaulted":true,"duration_status":"evaluated","language":"English",
         "conversationStartTime":"2026-03-23T10:17:54Z","conversationEndTime":"2026-03-23T10:19:33.000Z",
         "duration":99000,"koreEvaluationScore":-12.5,"passScore":70,"isPassed":false,
         "evaluationFormName":"UK form","evaluationFormScoringType":"weighted","fatalErrorCount":1,
         "auditStatus":"Audited","auditScore":80,"audit_date":"2026-03-23 12:30:00","auditor":"Jane Supervisor",
         "agents":[{"agentId":"a-1","agentName":"Lily Agent","agentEmail":"lily@example.com",
                    "agentStartTime":"2026-03-23T10:17:54Z","empathyScore":0.8}],
         "queues":[{"queueId":"q-1","queueName":"Billing"}],
         "metrics":[{"metricId":"m-1","metricName":"Greeting","metricWeight":28,"metricNegativeWeight":27,
                     "qualification":"YES","isFatalError":false},
                    {"metricName":"Sign-off","metricWeight":10,"metricNegativeWeight":0,"qualification":"NA",
                     "isFatalError":true}],
         "sentiment":"positive","sentimentScore":0.61,
         "sentimentRatio":{"positive":61.5,"neutral":30,"negative":8.5},
         "sentimentPattern":{"start":"neutral","end":"positive"},
         "isChurnRiskObserved":false,"isEscalationObserved":true,"taxonomyResolution":"YES",
         "generatedIntents":[{"name":"Refund request","confidence":0.93,"sentiment":"negative",
                              "sentimentScore":-0.4,"keywords":["refund","late"]}],
         "configuredIntents":{"topics":[{"topic_name":"Billing","level":"L1","confidence_score":0.9,
            "L2_topics":[{"topic_name":"Refund","confidence_score":0.8,
               "L3_topics":[{"topic_name":"Late refund","confidence_score":0.7,"sentiment":"negative",
                             "resolution":false}]}]}],"total_topics_identified":1},
         "speakingRate":[{"nWords":412,"timeTaken":180.5,"average":137,"score":0.8,"source":"agent","sourceId":"a-1"}],
         "emotions":[{"source":"customer","emotion":"joy","duration":12.5,"proportion":0.4},
                     {"source":"agent","emotion":"calm","duration":30,"proportion":0.9}],
         "custom_fields":{"tier":2,"region":"EMEA"},
         "agentRecordings":["https://rec.example.com/a.wav"],"customerRecordings":["https://rec.example.com/c.wav"]}
        """#

    /// "Title Case With Spaces", as the current samples write it; values drift to strings.
    static let titleCase = #"""
        {"Conversation ID":"c-42  ","Custom Conversation ID":"CUST-42","src":"voice","Contact Direction":"inbound",
         "Is Direction Defaulted":"true","Duration Status":"evaluated","Language":"English",
         "Conversation Start Time":"2026-03-23T10:17:54Z","Conversation End Time":"2026-03-23T12:19:33+02:00",
         "Duration":"99000 milliseconds","Kore Evaluation Score":"-12.5","Pass Score":"70","IsPassed":"NO",
         "Evaluation Form Name":"UK form","Evaluation Form Scoring Type":"weighted","Fatal Errors":1,
         "Audit Status":"Audited","Audit Score":"80","Audit Date":"2026-03-23T12:30:00Z",
         "Auditor Name":"Jane Supervisor",
         "Agents":[{"Agent ID":"a-1 ","Agent Name":"Lily Agent","Agent Email":"lily@example.com",
                    "Agent Start Time":"2026-03-23 10:17:54","Empathy Score":"0.8"}],
         "Queues":[{"Queue ID":"q-1","Queue Name":"Billing"}],
         "Metrics":[{"Metric ID":"m-1","Metric Name":"Greeting","Metric Weight":28,"Metric Negative Weight":27,
                     "Qualification":"YES","isFatalError":"false"},
                    {"Metric Name":"Sign-off","Metric Weight":"10","Metric Negative Weight":0,"Qualification":"NA",
                     "isFatalError":"true"}],
         "Sentiment":"positive","Sentiment Score":"0.61",
         "Sentiment Ratio":{"positive":"61.5%","neutral":"30","negative":8.5},
         "Sentiment Pattern":{"start":"neutral","end":"positive"},
         "IsChurnRiskObserved":"false","IsEscalationObserved":"YES","Taxonomy Resolution":"YES",
         "Generated Intents":[{"intent":"Refund request","confidence":"0.93","Sentiment":"negative",
                               "Sentiment Score":-0.4,"keywords":["refund","late"]}],
         "Configured_Intents":[{"L1":"Billing","L2":"Refund","L3":"Late refund","confidence":0.7,
                                "sentiment":"negative","resolution":"false"}],
         "Speaking Rate":[{"nWords":"412","timeTaken":180.5,"average":137,"score":0.8,"source":"agent",
                           "sourceId":"a-1"}],
         "Customer emotions":[{"emotion":"joy","duration":12.5,"proportion":0.4}],
         "Agent emotions":[{"emotion":"calm","duration":"30","proportion":0.9}],
         "Custom Fields":{"region":"EMEA","tier":"2"},
         "Agent Recordings":["https://rec.example.com/a.wav"],"Customer Recordings":"https://rec.example.com/c.wav"}
        """#

    /// The spellings of the seed sample: `AuditStatus`, `koreEvalutionScore` (sic), mixed agent keys.
    static let seedSample = #"""
        {"conversationId":"c-42","customConversationId":"CUST-42","src":"voice","contact_direction":"inbound",
         "is_direction_defaulted":1,"duration_status":"evaluated","Language":"English",
         "conversationStartTime":1774261074000,"conversationEndTime":"2026-03-23 10:19:33",
         "duration":"99 seconds","koreEvalutionScore":-12.5,"Pass Score":70,"IsPassed":0,
         "Evaluation Form Name":"UK form","Evaluation Form Scoring Type":"weighted","fatalErrorCount":"1",
         "AuditStatus":" Audited ","AuditScore":80,"audit_date":"2026-03-23 12:30:00","auditor":"Jane Supervisor",
         "Agents":[{"agentId":"a-1","Agent Name":"Lily Agent","Agent Start Time":"2026-03-23T10:17:54.000Z",
                    "Agent Email":"lily@example.com","Empathy Score":0.8}],
         "Queues":[{"Queue ID":"q-1","Queue Name":"Billing"}],
         "Metrics":[{"Metric ID":"m-1","Metric Name":"Greeting","Metric Weight":28,"Metric Negative Weight":27,
                     "Qualification":"YES","isFatalError":false},
                    {"Metric Name":"Sign-off","Metric Weight":10,"Metric Negative Weight":0,"Qualification":"NA",
                     "isFatalError":true}],
         "sentiment":"positive","sentimentScore":0.61,
         "sentimentRatio":{"positive":61.5,"neutral":30,"negative":8.5},
         "sentimentPattern":{"start":"neutral","end":"positive"},
         "IsChurnRiskObserved":false,"IsEscalationObserved":true,"Taxonomy Resolution":"YES",
         "generatedIntents":[{"topic":"Refund request","confidence":0.93,"Sentiment":"negative",
                              "Sentiment Score":-0.4,"keywords":["refund","late"],"emotions":["anger"]}],
         "configuredIntents":{"L1":"Billing","L2":"Refund","L3":"Late refund","confidence":0.7,
                              "sentiment":"negative","resolution":"false"},
         "speakingRate":{"nWords":412,"timeTaken":180.5,"average":137,"score":0.8,"source":"agent","sourceId":"a-1"},
         "emotions":{"customer":[{"emotion":"joy","duration":12.5,"proportion":0.4}],
                     "agent":[{"emotion":"calm","duration":30,"proportion":0.9}]},
         "custom_fields":{"region":"EMEA","tier":"2"},
         "agentRecordings":["https://rec.example.com/a.wav"],"customerRecordings":["https://rec.example.com/c.wav"]}
        """#

    /// snake_case throughout, with the 2024 `Intents` key for the taxonomy.
    static let snakeCase = #"""
        {"conversation_id":"c-42","custom_conversation_id":"CUST-42","src":"voice","contact_direction":"inbound",
         "is_direction_defaulted":"yes","duration_status":"evaluated","language":"English",
         "conversation_start_time":"2026-03-23T15:47:54+05:30","conversation_end_time":"2026-03-23T10:19:33Z",
         "duration":"00:01:39","kore_evaluation_score":"-12.5","pass_score":70,"is_passed":"false",
         "evaluation_form_name":"UK form","evaluation_form_scoring_type":"weighted","fatal_errors":1,
         "audit_status":"Audited","audit_score":80,"audit_date":"2026-03-23T12:30:00.000Z","auditor_name":"Jane Supervisor",
         "agents":[{"agent_id":"a-1","agent_name":"Lily Agent","agent_email":"lily@example.com",
                    "agent_start_time":"2026-03-23T10:17:54Z","empathy_score":0.8}],
         "queues":[{"queue_id":"q-1","queue_name":"Billing"}],
         "metrics":[{"metric_id":"m-1","metric_name":"Greeting","metric_weight":28,"metric_negative_weight":27,
                     "qualification":"YES","is_fatal_error":false},
                    {"metric_name":"Sign-off","metric_weight":10,"metric_negative_weight":0,"qualification":"NA",
                     "is_fatal_error":true}],
         "sentiment":"positive","sentiment_score":0.61,
         "sentiment_ratio":{"positive":61.5,"neutral":30,"negative":8.5},
         "sentiment_pattern":{"start":"neutral","end":"positive"},
         "is_churn_risk_observed":false,"is_escalation_observed":true,"taxonomy_resolution":"YES",
         "generated_intents":[{"intent":"Refund request","confidence":0.93,"sentiment":"negative",
                               "sentiment_score":-0.4,"keywords":["refund","late"]}],
         "Intents":[{"L1":"Billing","L2":"Refund","L3":"Late refund","confidence":0.7,"sentiment":"negative",
                     "resolution":"false"}],
         "speaking_rate":[{"n_words":412,"time_taken":180.5,"average":137,"score":0.8,"source":"agent","source_id":"a-1"}],
         "customer_emotions":[{"emotion":"joy","duration":12.5,"proportion":0.4}],
         "agent_emotions":[{"emotion":"calm","duration":30,"proportion":0.9}],
         "custom_fields":{"region":"EMEA","tier":"2"},
         "agent_recordings":["https://rec.example.com/a.wav"],"customer_recordings":["https://rec.example.com/c.wav"]}
        """#
}
