import Participation

/// The page a browser gets for a refusal: Persian, right to left, the English beneath, and the
/// request id to quote to support.
struct ErrorPage {
    let problem: Problem
    let requestId: String

    var html: String {
        """
        <!doctype html>
        <html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>خطا — هدف</title></head>
        <body><main>
        <h1>\(HTML.escape(problem.persianMessage))</h1>
        <p lang="en" dir="ltr">\(HTML.escape(problem.englishMessage))</p>
        <p>کد: <code dir="ltr">\(HTML.escape(problem.code))</code> — شناسه درخواست: <code dir="ltr">\(HTML.escape(requestId))</code></p>
        <p><a href="/">صفحه نخست هدف</a></p>
        </main></body></html>
        """
    }
}

/// Escaping for text placed in HTML.
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
