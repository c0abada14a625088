extension Conversation {
    /// Share of the conversation per sentiment, in percent.
    public struct SentimentRatio: Sendable, Hashable {
        public var positive: DecimalText?
        public var neutral: DecimalText?
        public var negative: DecimalText?

        public init(positive: DecimalText? = nil, neutral: DecimalText? = nil, negative: DecimalText? = nil) {
            self.positive = positive
            self.neutral = neutral
            self.negative = negative
        }
    }

    /// Sentiment at the start and at the end of the conversation.
    public struct SentimentPattern: Sendable, Hashable {
        public var start: String?
        public var end: String?

        public init(start: String? = nil, end: String? = nil) {
            self.start = start
            self.end = end
        }
    }

    /// One speaking-rate entry of a voice conversation.
    public struct SpeakingRate: Sendable, Hashable {
        public var words: DecimalText?
        public var timeTaken: DecimalText?
        public var average: DecimalText?
        public var score: DecimalText?
        /// `agent` or `customer`, as the vendor wrote it.
        public var source: String?
        public var sourceId: String?

        public init(
            words: DecimalText? = nil, timeTaken: DecimalText? = nil, average: DecimalText? = nil,
            score: DecimalText? = nil, source: String? = nil, sourceId: String? = nil
        ) {
            self.words = words
            self.timeTaken = timeTaken
            self.average = average
            self.score = score
            self.source = source
            self.sourceId = sourceId
        }
    }

    /// One emotion observed for a speaker.
    public struct Emotion: Sendable, Hashable {
        /// Whose emotion it is.
        public enum Source: String, Sendable, Hashable {
            case customer, agent, unknown
        }

        public var source: Source
        public var emotion: String?
        public var duration: DecimalText?
        public var proportion: DecimalText?

        public init(
            source: Source, emotion: String? = nil, duration: DecimalText? = nil, proportion: DecimalText? = nil
        ) {
            self.source = source
            self.emotion = emotion
            self.duration = duration
            self.proportion = proportion
        }
    }
}
