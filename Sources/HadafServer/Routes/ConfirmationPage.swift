import Foundation
import HadafEvents

/// The page after a submitted form: Persian, right to left, with the Jalali date and the
/// submission's reference for later questions.
struct ConfirmationPage {
    let submissionId: String
    let at: Date

    var html: String {
        """
        <!doctype html>
        <html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>فرستاده شد — هدف</title></head>
        <body><main>
        <h1>\(submissionId.hasPrefix("experience") ? "تجربه" : "ایده") شما ثبت و فرستاده شد</h1>
        <p>تاریخ: \(HTML.escape(JalaliDate(at).persianText))</p>
        <p>شناسه پیگیری: <code dir="ltr">\(HTML.escape(submissionId))</code></p>
        <p>پس از بررسی معاونت فرهنگی دانشگاه، نتیجه در پیشخوان شما دیده می‌شود.</p>
        <p><a href="/">بازگشت به صفحه نخست</a></p>
        </main></body></html>
        """
    }
}
