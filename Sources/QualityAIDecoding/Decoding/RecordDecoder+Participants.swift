extension RecordDecoder {
    mutating func agents(_ node: Int) -> [Conversation.Agent] {
        var result: [Conversation.Agent] = []
        let table = KeyMap.agent
        forEachObject(node, "agents") { decoder, object in
            var agent = Conversation.Agent()
            decoder.tape.forEachMember(of: object) { key, value in
                switch KeyMap.code(table, decoder.tape, key).flatMap(AgentField.init) {
                case .id: agent.id = decoder.text(value, "agents.id") ?? agent.id
                case .name: agent.name = decoder.text(value, "agents.name") ?? agent.name
                case .email: agent.email = decoder.text(value, "agents.email") ?? agent.email
                case .startTime:
                    agent.startTime = decoder.read(value, "agents.startTime", ValueReader.timestamp) ?? agent.startTime
                case .empathyScore:
                    agent.empathyScore = decoder.decimal(value, "agents.empathyScore") ?? agent.empathyScore
                case nil: break
                }
            }
            result.append(agent)
        }
        return result
    }

    mutating func queues(_ node: Int) -> [Conversation.Queue] {
        var result: [Conversation.Queue] = []
        let table = KeyMap.queue
        forEachObject(node, "queues") { decoder, object in
            var queue = Conversation.Queue()
            decoder.tape.forEachMember(of: object) { key, value in
                switch KeyMap.code(table, decoder.tape, key).flatMap(QueueField.init) {
                case .id: queue.id = decoder.text(value, "queues.id") ?? queue.id
                case .name: queue.name = decoder.text(value, "queues.name") ?? queue.name
                case nil: break
                }
            }
            result.append(queue)
        }
        return result
    }

    mutating func metrics(_ node: Int) -> [Conversation.Metric] {
        var result: [Conversation.Metric] = []
        if tape[node].kind == .array { result.reserveCapacity(Int(tape[node].count)) }
        let table = KeyMap.metric
        forEachObject(node, "metrics") { decoder, object in
            var metric = Conversation.Metric()
            decoder.tape.forEachMember(of: object) { key, value in
                switch KeyMap.code(table, decoder.tape, key).flatMap(MetricField.init) {
                case .id: metric.metricId = decoder.text(value, "metrics.metricId") ?? metric.metricId
                case .name: metric.metricName = decoder.text(value, "metrics.metricName") ?? metric.metricName
                case .weight: metric.weight = decoder.decimal(value, "metrics.weight") ?? metric.weight
                case .negativeWeight:
                    metric.negativeWeight = decoder.decimal(value, "metrics.negativeWeight") ?? metric.negativeWeight
                case .qualification:
                    metric.qualification = decoder.verbatim(value, "metrics.qualification") ?? metric.qualification
                case .isFatalError:
                    metric.isFatalError =
                        decoder.read(value, "metrics.isFatalError", ValueReader.bool) ?? metric.isFatalError
                case .auditorResponse:
                    metric.auditorResponse =
                        decoder.verbatim(value, "metrics.auditorResponse") ?? metric.auditorResponse
                case .triggerJustification, .justification:
                    if metric.justification == nil, decoder.tape[value].kind != .null {
                        metric.justification = decoder.jsonText(value).text
                    }
                case nil: break
                }
            }
            result.append(metric)
        }
        return result
    }
}
