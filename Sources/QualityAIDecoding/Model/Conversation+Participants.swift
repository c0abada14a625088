extension Conversation {
    /// An agent who took part in the conversation.
    public struct Agent: Sendable, Hashable {
        public var id: String?
        public var name: String?
        public var email: String?
        public var startTime: Timestamp?
        public var empathyScore: DecimalText?

        public init(
            id: String? = nil, name: String? = nil, email: String? = nil, startTime: Timestamp? = nil,
            empathyScore: DecimalText? = nil
        ) {
            self.id = id
            self.name = name
            self.email = email
            self.startTime = startTime
            self.empathyScore = empathyScore
        }
    }

    /// A queue the conversation went through.
    public struct Queue: Sendable, Hashable {
        public var id: String?
        public var name: String?

        public init(id: String? = nil, name: String? = nil) {
            self.id = id
            self.name = name
        }
    }

    /// One `custom_fields` entry; non-string values are kept as their JSON text, `null` as nil.
    public struct CustomField: Sendable, Hashable {
        public var key: String
        public var value: String?

        public init(key: String, value: String?) {
            self.key = key
            self.value = value
        }
    }
}
