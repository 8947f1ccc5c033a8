import Foundation
import HadafEvents
import Participation
import Testing

@Suite("Persian text: digits, normalisation, near duplicates")
struct PersianTextTests {
    @Test func digitsOfEveryScriptBecomeLatinAndBack() {
        #expect(Digits.latin("۱۴۰۴-٠٥ and 12") == "1404-05 and 12")
        #expect(Digits.persian("1405-08-30") == "۱۴۰۵-۰۸-۳۰")
        #expect(Digits.persian(2048) == "۲۰۴۸")
    }

    @Test(arguments: [
        ("كتاب خواني", "کتاب خوانی"), // Arabic keyboard kaf and yeh
        ("کتاب‌خوانی", "کتابخوانی"), // ZWNJ joins
        ("کتــــاب", "کتاب"), // kashida
        ("کِتابْ", "کتاب"), // diacritics
        ("مدرسۀ علمیة", "مدرسه علمیه"),
        ("آموزش و أمور إداري", "اموزش و امور اداری"),
        ("«ایده»، نو؟  ۱۴۰۴", "ایده نو 1404"),
        ("Sharif   UNIVERSITY!", "sharif university"),
        ("مسئول مؤسسه", "مسیول موسسه"),
    ])
    func normalisationFoldsWhatKeyboardsVary(typed: String, folded: String) {
        #expect(PersianNormalizer.normalize(typed) == folded)
    }

    @Test func aBlankTextIsWhatFoldsToNothing() {
        let alphabet: [Unicode.Scalar] = [
            " ", "\n", "،", "؟", "«", "-", "<", "\u{0338}", "\u{0301}", "\u{0640}", "\u{064E}", "\u{0651}", "\u{0654}", "\u{0670}",
            "\u{200C}", "\u{200F}", "\u{FEFF}", "ا", "ه", "ی", "\u{06D5}", "۴", "a", "E", "\u{1100}", "\u{1161}", "★",
        ]
        #expect(PersianNormalizer.isBlank(" ،\u{200C}ـــ «؟» \u{064E}"))
        #expect(!PersianNormalizer.isBlank("  ۱ "))
        #expect(PersianNormalizer.isBlank("<\u{0338}")) // composes into the symbol ≮
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...4, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let typed = String(text)
            #expect(PersianNormalizer.isBlank(typed) == PersianNormalizer.normalize(typed).isEmpty, "\(typed.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func textThatNeedsNoCompositionFoldsAsIfComposed() {
        // Decomposed alef with madda, hamza forms, Quranic marks, harakat out of canonical order,
        // Latin with a combining accent: the same fold as the text composed first.
        let alphabet: [Unicode.Scalar] = [
            "\u{0627}", "\u{0653}", "\u{0654}", "\u{0655}", "\u{0648}", "\u{064A}", "\u{06D5}", "\u{06C1}", "\u{06D2}", "\u{0647}",
            "\u{064E}", "\u{064B}", "\u{0651}", "\u{0670}", "\u{06E1}", "\u{06DC}", "\u{06E3}", "\u{200C}", "e", "\u{0301}", "A", " ", "ی",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...5, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let typed = String(text)
            #expect(PersianNormalizer.normalize(typed) == PersianNormalizer.normalize(typed.precomposedStringWithCanonicalMapping),
                    "\(typed.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func theSameTitleTypedOnArabicAndPersianKeyboardsIsAnExactDuplicate() {
        var index = NearDuplicateIndex<String>()
        index.add("idea-1", text: "باشگاه کتاب‌خوانی دانشجویی در خوابگاه‌ها برای ترویج مطالعه")
        index.add("idea-2", text: "جشنواره تئاتر خیابانی دانشگاه‌های کشور")
        let matches = index.matches(for: "باشگاه كتابخواني دانشجويي در خوابگاهها براي ترويج مطالعه")
        #expect(matches.map(\.id) == ["idea-1"])
        #expect(matches.first?.similarity == 1)
    }

    @Test func aNearIdenticalTextIsFoundAndADifferentOneIsNot() {
        var index = NearDuplicateIndex<Int>()
        let base = "برگزاری کارگاه آموزشی مهارت‌های زندگی برای دانشجویان سال اول در همه دانشکده‌های دانشگاه"
        index.add(1, text: base)
        index.add(2, text: "سامانه نوبت‌دهی آنلاین سلف سرویس دانشگاه با پیامک یادآوری")
        let near = index.matches(for: base + " تهران")
        #expect(near.map(\.id) == [1])
        #expect(near[0].similarity >= 0.8 && near[0].similarity < 1)
        #expect(index.matches(for: "اردوی علمی دانشجویان به پارک فناوری").isEmpty)
        #expect(index.matches(for: base, excluding: 1).isEmpty)
    }

    @Test func aRevisedTextIsComparedAsItNowReads() {
        var index = NearDuplicateIndex<String>()
        let first = "برگزاری کارگاه آموزشی مهارت‌های زندگی برای دانشجویان سال اول در همه دانشکده‌ها"
        let revised = "سامانه نوبت‌دهی آنلاین سلف سرویس دانشگاه با پیامک یادآوری برای دانشجویان"
        index.add("idea-1", text: first)
        index.add("idea-1", text: revised)
        #expect(index.count == 1)
        #expect(index.matches(for: first).isEmpty)
        #expect(index.matches(for: revised).map(\.id) == ["idea-1"])
        #expect(index.matches(for: revised, excluding: "idea-1").isEmpty)
    }

    @Test func candidatesFromMinHashBucketsFindEveryCloseMatchInALargeCatalogue() {
        var index = NearDuplicateIndex<Int>()
        let words = ["فرهنگ", "دانشجو", "کتاب", "تئاتر", "مسابقه", "کارگاه", "اردو", "موسیقی", "فیلم", "شعر",
                     "ورزش", "سلامت", "محیط", "زیست", "داوطلب", "خیریه", "هنر", "نقاشی", "عکاسی", "ادبیات"]
        var generator = LinearGenerator(seed: 42)
        var texts: [String] = []
        for id in 0..<3000 {
            let text = (0..<12).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ") + " \(id)"
            texts.append(text)
            index.add(id, text: text)
        }
        #expect(index.count == 3000)
        for id in stride(from: 0, to: 3000, by: 97) {
            let matches = index.matches(for: texts[id])
            #expect(matches.first?.id == id && matches.first?.similarity == 1)
        }
    }
}

/// A small deterministic generator, so the catalogue is the same in every run.
struct LinearGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11
    }
}
