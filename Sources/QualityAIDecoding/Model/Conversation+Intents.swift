extension Conversation {
    /// An AI-detected intent (`generatedIntents`); `name` comes from `intent`, `topic` or `name`.
    public struct GeneratedIntent: Sendable, Hashable {
        public var name: String?
        public var confidence: DecimalText?
        public var sentiment: String?
        public var sentimentScore: DecimalText?
        /// Resolution as text (`true`, `false`, `YES`, ...).
        public var resolution: String?
        public var keywords: [String]

        public init(
            name: String? = nil, confidence: DecimalText? = nil, sentiment: String? = nil,
            sentimentScore: DecimalText? = nil, resolution: String? = nil, keywords: [String] = []
        ) {
            self.name = name
            self.confidence = confidence
            self.sentiment = sentiment
            self.sentimentScore = sentimentScore
            self.resolution = resolution
            self.keywords = keywords
        }
    }

    /// One leaf path of the configured taxonomy (`configuredIntents`), L1 > L2 > L3.
    ///
    /// The values (confidence, sentiment, resolution) are the leaf's own. Levels below L3 are
    /// joined into `l3` with ` > `.
    public struct ConfiguredIntent: Sendable, Hashable {
        public var l1: String
        public var l2: String?
        public var l3: String?
        public var confidence: DecimalText?
        public var sentiment: String?
        /// Resolution as text (`true`, `false`, `YES`, ...).
        public var resolution: String?

        public init(
            l1: String, l2: String? = nil, l3: String? = nil, confidence: DecimalText? = nil,
            sentiment: String? = nil, resolution: String? = nil
        ) {
            self.l1 = l1
            self.l2 = l2
            self.l3 = l3
            self.confidence = confidence
            self.sentiment = sentiment
            self.resolution = resolution
        }
    }
}
