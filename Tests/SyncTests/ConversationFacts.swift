import Foundation
import Postgres

/// One conversation's values in the shape of the mock's `/mock/truth/conversation` answer; the
/// warehouse's side is built by SQL from the star schema (facts, bridges, dimensions), so the two
/// are compared field by field with `==`. Numbers are compared as numbers.
struct ConversationFacts: Codable, Sendable, Equatable {
    struct Agent: Codable, Sendable, Equatable {
        var agentId: String?
        var agentName: String?
        var agentEmail: String?
    }

    struct Queue: Codable, Sendable, Equatable {
        var queueId: String?
        var queueName: String?
    }

    struct Metric: Codable, Sendable, Equatable {
        var ordinal: Int
        var metricId: String?
        var metricName: String?
        var weight: Double?
        var negativeWeight: Double?
        var qualification: String?
        var isFatalError: Bool?
    }

    var conversationId: String
    var streamId: String
    var customConversationId: String?
    var start: String?
    var end: String?
    var durationMs: Int64?
    var contactDirection: String?
    var isDirectionDefaulted: Bool?
    var durationStatus: String?
    var language: String?
    var koreEvaluationScore: Double?
    var fatalErrorCount: Int?
    var auditStatus: String?
    var auditScore: Double?
    var auditDate: String?
    var auditor: String?
    var sentiment: String?
    var sentimentScore: Double?
    var agents: [Agent]
    var queues: [Queue]
    var metrics: [Metric]
    var customFields: [String: String]
    var hasRecordings: Bool

    /// The audit fields alone.
    var audit: [String?] {
        [auditStatus, auditScore.map { String($0) }, auditDate, auditor]
    }

    /// The warehouse's version of `truth` for a field-by-field comparison: an agent email the truth
    /// leaves null (records in the published sample's spelling carry none) is not compared, since
    /// `dim_agent` keeps the latest email any record sent.
    func comparable(to truth: ConversationFacts) -> ConversationFacts {
        var copy = self
        for index in copy.agents.indices where index < truth.agents.count && truth.agents[index].agentEmail == nil {
            copy.agents[index].agentEmail = nil
        }
        return copy
    }

    /// The warehouse's values of `ids`, keyed by id.
    static func stored(_ ids: [String], on connection: Connection) async throws -> [String: ConversationFacts] {
        let rows = try await connection.execute(
            Query(unsafeSQL: storedSQL, binds: ["{" + ids.map { "\"\($0)\"" }.joined(separator: ",") + "}"]))
        var result: [String: ConversationFacts] = [:]
        for row in rows {
            let facts = try JSONDecoder().decode(ConversationFacts.self, from: Data((row[0] ?? "").utf8))
            result[facts.conversationId] = facts
        }
        return result
    }

    private static let storedSQL = """
        SELECT json_build_object(
            'conversationId', f.conversation_id, 'streamId', f.stream_id,
            'customConversationId', f.custom_conversation_id,
            'start', to_char(f.conversation_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'end', to_char(f.conversation_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'durationMs', f.duration_ms, 'contactDirection', f.contact_direction,
            'isDirectionDefaulted', f.is_direction_defaulted, 'durationStatus', f.duration_status,
            'language', f.language, 'koreEvaluationScore', f.kore_evaluation_score,
            'fatalErrorCount', f.fatal_error_count, 'auditStatus', f.audit_status, 'auditScore', f.audit_score,
            'auditDate', to_char(f.audit_date AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), 'auditor', f.auditor,
            'sentiment', f.sentiment, 'sentimentScore', f.sentiment_score,
            'agents', coalesce((
                SELECT json_agg(json_build_object(
                    'agentId', a.agent_id, 'agentName', a.agent_name, 'agentEmail', a.agent_email)
                    ORDER BY b.agent_ordinal)
                FROM qai.bridge_conversation_agent b JOIN qai.dim_agent a USING (agent_key)
                WHERE b.conversation_id = f.conversation_id), '[]'::json),
            'queues', coalesce((
                SELECT json_agg(json_build_object('queueId', q.queue_id, 'queueName', q.queue_name)
                    ORDER BY b.queue_ordinal)
                FROM qai.bridge_conversation_queue b JOIN qai.dim_queue q USING (queue_key)
                WHERE b.conversation_id = f.conversation_id), '[]'::json),
            'metrics', coalesce((
                SELECT json_agg(json_build_object(
                    'ordinal', m.metric_ordinal,
                    'metricId', CASE WHEN d.metric_id_is_name THEN NULL ELSE d.metric_id END,
                    'metricName', d.metric_name, 'weight', m.metric_weight,
                    'negativeWeight', m.metric_negative_weight, 'qualification', m.qualification,
                    'isFatalError', m.is_fatal_error) ORDER BY m.metric_ordinal)
                FROM qai.fact_metric m JOIN qai.dim_metric d USING (metric_key)
                WHERE m.conversation_id = f.conversation_id), '[]'::json),
            'customFields', coalesce(f.custom_fields, '{}'::jsonb),
            'hasRecordings', f.agent_recordings IS NOT NULL OR f.customer_recordings IS NOT NULL)
        FROM qai.fact_conversation f WHERE f.conversation_id = ANY($1::text[])
        """
}

/// The truth's `filterTime`: the start second the API filters on, `YYYY-MM-DD HH:MM:SS` UTC.
struct FilterTime: Decodable, Sendable {
    var filterTime: String
}
