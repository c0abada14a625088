import Foundation
import Hummingbird

extension Parameters {
    /// The path parameter `name` with its percent-encoding undone (Hummingbird hands path
    /// segments over as sent), or "" when it is missing or not valid percent-encoded UTF-8.
    func decoded(_ name: String) -> String {
        get(name).flatMap { $0.removingPercentEncoding } ?? ""
    }
}
