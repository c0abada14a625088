/// `reference/sample-response.json`, verbatim: the sample response of the vendor's API page.
let sampleResponseJSON = #"""
    {
      "results": [
        {
          "conversationId": "c-0bba1c4-6d27-49d9-8557-9b0e8774xxxx",
          "contact_direction": "inbound",
          "is_direction_defaulted": false,
          "AuditStatus": "Audited",
          "AuditScore": 77,
          "audit_date": "2026-03-23 12:30:00",
          "auditor": "John Doe",
          "Queues": [
            {
              "Queue ID": "qu-c304439-3d79-4389-b1cb-014eb75axxxx",
              "Queue Name": "Default Queue - Q1"
            }
          ],
          "Agents": [
            {
              "Agent ID": "a-424ea65-322b-47c1-8189-7200b64cxxxx",
              "Agent Name": "John Doe"
            },
            {
              "Agent ID": "a-a25ad66-638d-46c0-b4db-7e5a7360xxxx",
              "Agent Name": "John Doe"
            }
          ],
          "koreEvalutionScore": 77,
          "fatalErrorCount": 0,
          "Language": "English",
          "duration_status": "evaluated",
          "Metrics": [
            {
              "Metric ID": "em-44758b38-816c-557b-b6a9-2d2c6297xxxx",
              "Metric Name": "UK Greeting Compliance Rate GEN",
              "Metric Weight": 28,
              "Metric Negative Weight": 27,
              "Qualification": "YES",
              "isFatalError": false
            },
            {
              "Metric ID": "em-1fd43c3f-67f9-5c30-8140-c3e534a1xxxx",
              "Metric Name": "Manual Evaluation - UK - Manual Evaluation Metric",
              "Metric Weight": 0,
              "Metric Negative Weight": 0,
              "Qualification": "-",
              "isFatalError": false
            }
          ]
        },
        {
          "conversationId": "c-8d43539-ae1e-473a-ad97-6bd2add4xxxx",
          "contact_direction": "outbound",
          "is_direction_defaulted": false,
          "AuditStatus": "Not Assigned",
          "AuditScore": null,
          "audit_date": null,
          "auditor": null,
          "Queues": [
            {
              "Queue ID": "qu-c304439-3d79-4389-b1cb-014eb75axxxx",
              "Queue Name": "Default Queue - Q1"
            }
          ],
          "Agents": [
            {
              "Agent ID": "a-a25ad66-638d-46c0-b4db-7e5a7360xxxx",
              "Agent Name": "John Doe"
            }
          ],
          "koreEvalutionScore": null,
          "fatalErrorCount": 0,
          "Language": "English",
          "duration_status": "below_threshold",
          "Metrics": [
            {
              "Metric ID": "em-44758b38-816c-557b-b6a9-2d2c6297xxxx",
              "Metric Name": "UK Greeting Compliance Rate GEN",
              "Metric Weight": 28,
              "Metric Negative Weight": 27,
              "isFatalError": false
            },
            {
              "Metric ID": "em-dc5679bd-e6c4-548c-b650-21c5e83dxxxx",
              "Metric Name": "UK Proper Sign-off GenAI",
              "Metric Weight": 27,
              "Metric Negative Weight": 26,
              "isFatalError": false
            }
          ]
        },
        {
          "conversationId": "c-a19b658-da43-465c-9606-1abb5786xxxx",
          "contact_direction": "inbound",
          "is_direction_defaulted": false,
          "AuditStatus": "Audited",
          "AuditScore": 0,
          "audit_date": "2026-03-23 15:10:00",
          "auditor": "Jane Supervisor",
          "Queues": [
            {
              "Queue ID": "qu-c304439-3d79-4389-b1cb-014eb75axxxx",
              "Queue Name": "Default Queue - Q1"
            }
          ],
          "Agents": [
            {
              "Agent ID": "a-424ea65-322b-47c1-8189-7200b64cxxxx",
              "Agent Name": "Lily Agent"
            }
          ],
          "koreEvalutionScore": 0,
          "fatalErrorCount": 1,
          "Language": "English",
          "duration_status": "evaluated",
          "Metrics": [
            {
              "Metric ID": "em-44758b38-816c-557b-b6a9-2d2c6297xxxx",
              "Metric Name": "UK Greeting Compliance Rate GEN",
              "Metric Weight": 28,
              "Metric Negative Weight": 27,
              "Qualification": "YES",
              "isFatalError": false
            },
            {
              "Metric ID": "em-dc5679bd-e6c4-548c-b650-21c5e83dxxxx",
              "Metric Name": "UK Proper Sign-off GenAI",
              "Metric Weight": 27,
              "Metric Negative Weight": 26,
              "Qualification": "NO",
              "isFatalError": true
            }
          ]
        },
        {
          "conversationId": "c-94376d76-dbe2-59c6-8665-ea70217exxxx",
          "customConversationId": "UATTranscripts_Mar23b",
          "contact_direction": "inbound",
          "is_direction_defaulted": false,
          "AuditStatus": "Assigned",
          "AuditScore": null,
          "audit_date": null,
          "auditor": null,
          "Queues": [
            {
              "Queue ID": "qu-16c07483-765f-5e2e-a150-e5b66033xxxx",
              "Queue Name": "PublicApiQueue"
            }
          ],
          "Agents": [
            {
              "Agent ID": "a-b35a99e-9c55-4d43-ac00-225169c9xxxx",
              "Agent Name": "Johndoe UAT TitanAsh"
            }
          ],
          "koreEvalutionScore": 9,
          "fatalErrorCount": 0,
          "Language": "English",
          "duration_status": "evaluated",
          "Metrics": [
            {
              "Metric ID": "em-44758b38-816c-557b-b6a9-2d2c6297xxxx",
              "Metric Name": "UK Greeting Compliance Rate GEN",
              "Metric Weight": 11,
              "Metric Negative Weight": 14,
              "Qualification": "YES",
              "isFatalError": false
            },
            {
              "Metric ID": "em-dc5679bd-e6c4-548c-b650-21c5e83dxxxx",
              "Metric Name": "UK Proper Sign-off GenAI",
              "Metric Weight": 9,
              "Metric Negative Weight": 12,
              "Qualification": "NO",
              "isFatalError": false
            }
          ]
        }
      ],
      "totalResults": 21,
      "hasMore": false,
      "totalPages": 1
    }
    """#
