/// The fixed pools the generator draws from. Names deliberately include non-ASCII letters,
/// apostrophes, commas, quotes and emoji, and two agents share a name (as in the vendor sample).
enum Pools {
    static let agentNames: [String] = [
        "John Doe", "John Doe", "Lily Agent", "Zoë Ødegård", "Seán O'Brien", "Robert Smith, Jr.",
        "José Álvarez", "Łukasz Wróbel", "Ana María Núñez", "Björn Åström", "Chloé Lefèvre",
        "Nguyễn Văn An", "李娜", "Aisha Rahman", "Mary-Kate D'Souza", "Priya Patel 🌟",
        "Grace O'Neil-Murphy", "Thomas \"Tom\" Becker", "Olúwaseun Adébáyọ̀", "Sven Müller",
        "Kateřina Dvořáková", "Søren Kjær", "Dmitri Ivanov", "Fatima Al-Zahra", "Sam Lee 😀",
        "Johndoe UAT TitanAsh", "Émile Zola-Brun", "Keanu Kahananui",
    ]

    /// Surnames an agent may take when renamed in a later epoch.
    static let renameSurnames: [String] = [
        "O'Connor", "Hansen-Ødegård", "García, Jr.", "Dubois 🎉", "Nakamura", "Łęcka", "Smith",
    ]

    static let queueNames: [String] = [
        "Default Queue - Q1", "PublicApiQueue", "Billing, Payments & Refunds", "Support – Tier 2",
        "Ventas España", "VIP 💎", "Retention \"Save\" Desk", "Escalations/Complaints",
    ]

    /// Metric definitions: name, weight, negative weight, fatal, manual (filled by an auditor).
    static let metrics: [MetricDefinition] = [
        MetricDefinition(name: "UK Greeting Compliance Rate GEN", weight: 28, negativeWeight: 27),
        MetricDefinition(name: "UK Proper Sign-off GenAI", weight: 27, negativeWeight: 26),
        MetricDefinition(name: "Identity Verification (KYC)", weight: 20, negativeWeight: 20, isFatal: true),
        MetricDefinition(name: "Empathy & Tone", weight: 15, negativeWeight: 10),
        MetricDefinition(name: "Résolution au premier contact", weight: 10, negativeWeight: 5),
        MetricDefinition(name: "PCI Compliance – No card read-back", weight: 30, negativeWeight: 30, isFatal: true),
        MetricDefinition(name: "Hold Etiquette", weight: 8, negativeWeight: 4),
        MetricDefinition(name: "Upsell Offer Made", weight: 5, negativeWeight: 0),
        MetricDefinition(
            name: "Manual Evaluation - UK - Manual Evaluation Metric", weight: 0, negativeWeight: 0, isManual: true),
    ]

    static var manualMetricIndex: Int { metrics.count - 1 }

    static let auditors: [String] = [
        "Jane Supervisor", "John Doe", "Ingrid Østergaard", "Patrick O'Malley", "Müller, Hans", "Aroha Ngāta",
    ]

    static let languages: [String] = ["English", "English", "English", "Spanish", "French", "German", "Hindi"]

    static let intents: [String] = [
        "Billing Inquiry", "Password Reset", "Cancel Subscription", "Update Address", "Report Fraud",
        "Refund Request", "Technical Issue", "Plan Upgrade", "Delivery Status", "Complaint – Rude Staff",
    ]

    static let keywords: [String] = [
        "invoice", "refund", "password", "cancel", "address", "card", "late", "upgrade", "broken", "manager",
    ]

    static let emotions: [String] = ["joy", "anger", "sadness", "neutral", "frustration", "surprise"]

    static let sentiments: [String] = ["positive", "neutral", "negative"]

    static let configuredTopics: [(l1: String, l2: String, l3: String)] = [
        ("Billing", "Payments", "Card Declined"), ("Billing", "Refunds", "Partial Refund"),
        ("Account", "Access", "Password Reset"), ("Account", "Profile", "Change of Address"),
        ("Orders", "Delivery", "Late Delivery"), ("Orders", "Returns", "Damaged Item"),
        ("Sales", "Upgrades", "Plan Upgrade"),
    ]

    static let regions: [String] = ["EMEA", "NA", "APAC", "LATAM"]
    static let campaigns: [String] = ["Spring, 2026", "Black Friday 🛍️", "Retention Q2", "Café \"Loyalty\""]
    static let tiers: [String] = ["gold", "silver", "bronze"]
    static let formNames: [String] = ["UK Voice QA Form", "Chat QA – Standard", "Collections Compliance"]
}

/// One metric of the evaluation form.
struct MetricDefinition: Sendable {
    var name: String
    var weight: Int
    var negativeWeight: Int
    var isFatal = false
    var isManual = false
}
