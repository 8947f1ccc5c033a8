import Foundation
import HadafEvents

/// A regulation's articles as an officer types them in one text box: one paragraph per article,
/// paragraphs apart by an empty line; a paragraph's first line is the article's text and each
/// further line one of its notes (تبصره). Articles are numbered in order from 1.
enum ArticlesText {
    /// The articles of `text`; none when it holds only blank lines.
    static func articles(_ text: String) -> [RegulationArticle] {
        var paragraphs: [[String]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                if !paragraphs[paragraphs.count - 1].isEmpty { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(trimmed)
            }
        }
        return paragraphs.filter { !$0.isEmpty }.enumerated().map { index, lines in
            RegulationArticle(number: index + 1, text: lines[0], notes: Array(lines.dropFirst()))
        }
    }

    /// The text box's content for `articles`, which ``articles(_:)`` reads back.
    static func text(_ articles: [RegulationArticle]) -> String {
        articles.map { ([$0.text] + $0.notes).joined(separator: "\n") }.joined(separator: "\n\n")
    }
}
