#!/usr/bin/env python3
"""Drives Debian's headless Chromium through HADAF's pages over the DevTools protocol.

Signs in as the demo student, submits an idea in Persian through the real form (typed with
keyboard input events, sent with the form's own button), and checks that the dashboard lists it
with Persian digits and a Jalali date; answers the open survey; signs out, and as the demo faculty
member comments on an article of the regulation under review. Saves screenshots of the pages into
SHOTS (a phone's width). Exits 1 with the reason on the first failed check.

Usage: browser_test.py BASE_URL SHOTS_DIR STUDENT_PASSWORD FACULTY_PASSWORD
"""
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # Debian's python3-websocket

JALALI_MONTHS = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
IDEA_TITLE = "باشگاه کتاب‌خوانی شبانه خوابگاه‌ها"


def fail(reason):
    print(f"browser test: FAILED: {reason}", file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """One headless Chromium with one page, spoken to over the DevTools protocol."""

    def __init__(self, width=412, height=915):
        self.profile = tempfile.mkdtemp(prefix="hadaf-chromium-")
        port = free_port()
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if not binary:
            fail("chromium is not installed")
        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             f"--remote-debugging-port={port}", f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "--lang=fa-IR", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=1) as response:
                    pages = [t for t in json.load(response) if t.get("type") == "page"]
                if pages:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                fail("chromium did not open its DevTools port")
            time.sleep(0.2)
        self.socket = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0
        self.events = []
        self.call("Page.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=True)

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    fail(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for_load(self):
        deadline = time.time() + 30
        while time.time() < deadline:
            for index, event in enumerate(self.events):
                if event.get("method") == "Page.loadEventFired":
                    del self.events[: index + 1]
                    return
            self.events.append(json.loads(self.socket.recv()))
        fail("a page did not finish loading")

    def goto(self, url):
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for_load()

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def type_into(self, selector, text):
        """Focuses the field and types `text` as keyboard input."""
        if not self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return false; e.focus(); return true; }})()"):
            fail(f"no field {selector} on {self.evaluate('location.pathname')}")
        self.call("Input.insertText", text=text)

    def press_submit(self):
        """Presses the form's submit button, as a person would, and waits for the next page."""
        self.events.clear()
        self.evaluate("document.querySelector('main form button[type=submit]').click()")
        self.wait_for_load()

    def choose_file(self, selector, path):
        """Chooses a file for a file input, as the file picker would."""
        root = self.call("DOM.getDocument")["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            fail(f"no file field {selector}")
        self.call("DOM.setFileInputFiles", nodeId=node, files=[path])

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.socket.close()
        finally:
            self.process.terminate()
            self.process.wait(timeout=10)
            shutil.rmtree(self.profile, ignore_errors=True)


def pdf_head(path):
    with open(path, "rb") as file:
        return file.read(5)


def check_page_basics(browser, name):
    if browser.evaluate("document.documentElement.lang") != "fa" or browser.evaluate("document.documentElement.dir") != "rtl":
        fail(f"the {name} page is not <html lang=fa dir=rtl>")
    unlabelled = browser.evaluate(
        "[...document.querySelectorAll('input:not([type=hidden]), textarea, select')]"
        ".filter(e => !document.querySelector(`label[for='${e.id}']`)).map(e => e.name)")
    if unlabelled:
        fail(f"the {name} page has fields without labels: {unlabelled}")


def click(browser, selector):
    """Clicks the button `selector`, as a person would, and waits for the next page."""
    browser.events.clear()
    if not browser.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return false; e.click(); return true; }})()"):
        fail(f"no button {selector} on {browser.evaluate('location.pathname')}")
    browser.wait_for_load()


def sign_in_as(browser, base, login, password):
    """Signs out with the header's button when signed in, then signs in as `login`."""
    browser.goto(f"{base}/")
    if browser.evaluate("location.pathname") != "/login":
        click(browser, "header form button[type=submit]")
    browser.type_into("#login", login)
    browser.type_into("#password", password)
    browser.press_submit()
    if browser.evaluate("location.pathname") != "/":
        fail(f"{login} could not sign in")


def text_of(browser):
    return browser.evaluate("document.body.innerText")


def eventually(browser, url, wanted, what):
    """Reloads `url` until its text holds `wanted` (the read models follow the log within ~200 ms)."""
    for _ in range(20):
        browser.goto(url)
        if wanted in text_of(browser):
            return
        time.sleep(0.25)
    fail(f"{what} after 5 s")


def main():
    if len(sys.argv) != 8:
        fail("usage: browser_test.py BASE_URL SHOTS_DIR STUDENT_PASSWORD FACULTY_PASSWORD DEPUTY_PASSWORD MINISTRY_PASSWORD CERTIFICATE_HTML")
    base, shots, password, faculty_password, deputy_password, ministry_password, certificate = sys.argv[1].rstrip("/"), *sys.argv[2:]
    os.makedirs(shots, exist_ok=True)
    browser = Browser()
    try:
        browser.goto(f"{base}/")
        if not browser.evaluate("location.pathname") == "/login":
            fail("a visitor who is not signed in is not sent to /login")
        check_page_basics(browser, "sign-in")
        browser.screenshot(os.path.join(shots, "login.png"))

        browser.type_into("#login", "student")
        browser.type_into("#password", "not the password")
        browser.press_submit()
        if "نادرست" not in browser.evaluate("document.querySelector('#login-error')?.textContent ?? ''"):
            fail("a wrong password does not show its reason beside the field")
        if browser.evaluate("document.querySelector('#login').value") != "student":
            fail("the login typed is not kept after a refusal")
        browser.screenshot(os.path.join(shots, "login-refused.png"))

        browser.type_into("#password", password)
        browser.press_submit()
        if browser.evaluate("location.pathname") != "/":
            fail("signing in does not lead to the dashboard")
        check_page_basics(browser, "dashboard")
        browser.screenshot(os.path.join(shots, "dashboard-empty.png"))

        browser.goto(f"{base}/ideas/new")
        check_page_basics(browser, "idea form")
        browser.screenshot(os.path.join(shots, "idea-form.png"))
        # Sent half filled: the form comes back with what was typed and each reason beside its field.
        # (The fields are `required`, so Chromium would stop this itself; switching that off here
        # checks the server's own answer, which a browser without validation gets.)
        browser.type_into("#title", IDEA_TITLE)
        browser.evaluate("document.querySelector('main form').noValidate = true")
        browser.press_submit()
        if browser.evaluate("document.querySelector('#title').value") != IDEA_TITLE:
            fail(f"the idea form does not keep what was typed after a refusal: {browser.evaluate('location.pathname')} {browser.evaluate('document.body.innerText')[:300]}")
        if not browser.evaluate("!!document.querySelector('#summary-error')"):
            fail("a missing summary is not shown beside its field")
        browser.screenshot(os.path.join(shots, "idea-form-refused.png"))

        for selector, text in [("#summary", "گردهمایی هفتگی دانشجویان خوابگاه برای خواندن و گفت‌وگو درباره یک کتاب"),
                               ("#problem", "کتابخانه‌ها شب‌ها بسته‌اند و خوابگاه‌ها برنامه فرهنگی شبانه ندارند"),
                               ("#proposal", "قفسه کتاب امانی و نشست هفتگی با راهبری دانشجویان داوطلب"),
                               ("#expectedImpact", "مطالعه بیشتر و پیوند میان دانشجویان خوابگاه")]:
            browser.type_into(selector, text)
        browser.evaluate("document.querySelector('#category').value = 'literary'")
        browser.press_submit()
        if not browser.evaluate("location.pathname").startswith("/forms/submitted/"):
            fail(f"the idea was not accepted: {browser.evaluate('document.body.innerText')[:300]}")
        browser.screenshot(os.path.join(shots, "idea-submitted.png"))

        # The dashboard reads the read models, which the live projectors bring up to the log about
        # every 200 ms: a person coming back from the confirmation finds the idea there.
        row = ""
        for _ in range(20):
            browser.goto(f"{base}/")
            row = browser.evaluate(
                f"[...document.querySelectorAll('tbody tr')].map(r => r.innerText).find(t => t.includes({json.dumps(IDEA_TITLE)})) ?? ''")
            if row:
                break
            time.sleep(0.25)
        if not row:
            fail("the submitted idea is not on the dashboard after 5 s")
        shown = re.sub(r"\(idea-[0-9a-f-]+\)", "", row)  # the reference id is Latin on purpose
        if not re.search("[۰-۹]", shown) or re.search("[0-9]", shown):
            fail(f"the dashboard's row does not write its figures with Persian digits: {row}")
        if not any(month in row for month in JALALI_MONTHS):
            fail(f"the dashboard's row has no Jalali date: {row}")
        if "در انتظار بررسی" not in row:
            fail(f"the idea's status is not shown in Persian: {row}")
        browser.screenshot(os.path.join(shots, "dashboard.png"))

        # The demo's open survey, from its link on the dashboard, answered with the keyboard and
        # the mouse as a person would.
        link = browser.evaluate("document.querySelector('a[href^=\"/surveys/\"]')?.getAttribute('href') ?? ''")
        if not link:
            fail("the dashboard lists no open survey")
        browser.goto(f"{base}{link}")
        check_page_basics(browser, "survey")
        browser.screenshot(os.path.join(shots, "survey.png"))
        browser.evaluate("document.querySelector('label[for=answer-q1-1]').click()")
        browser.evaluate("document.querySelector('label[for=answer-q2-3]').click()")
        browser.type_into("#answer-q3", "گفت‌وگو با کارگردان پس از اجرا")
        browser.press_submit()
        if not browser.evaluate("location.pathname").endswith("/answered"):
            fail(f"the survey's answers were not accepted: {browser.evaluate('document.body.innerText')[:300]}")
        browser.screenshot(os.path.join(shots, "survey-answered.png"))
        for _ in range(20):
            browser.goto(f"{base}/")
            if "(پاسخ داده‌اید)" in browser.evaluate("document.body.innerText"):
                break
            time.sleep(0.25)
        else:
            fail("the dashboard does not show the survey as answered after 5 s")

        # An experience with a photo as evidence, its dates typed in Persian digits.
        browser.goto(f"{base}/experiences/new")
        check_page_basics(browser, "experience form")
        for selector, text in [("#title", "نمایشگاه کتاب دست‌دوم"), ("#summary", "سه روز مبادله کتاب میان دانشجویان"),
                               ("#startedOn", "۱۴۰۵/۰۷/۱۸"), ("#endedOn", "۱۴۰۵/۰۷/۲۰"), ("#place", "سرای دانشجویی"),
                               ("#results", "هزار و دویست کتاب میان سیصد دانشجو مبادله شد")]:
            browser.type_into(selector, text)
        photo = os.path.join(tempfile.mkdtemp(prefix="hadaf-evidence-"), "exhibition.png")
        with open(photo, "wb") as file:
            file.write(base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="))
        browser.choose_file("#evidence", photo)
        browser.screenshot(os.path.join(shots, "experience-form.png"))
        browser.press_submit()
        if not browser.evaluate("location.pathname").startswith("/forms/submitted/"):
            fail(f"the experience was not accepted: {browser.evaluate('document.body.innerText')[:300]}")

        if "شناسه پیگیری" not in browser.evaluate("document.body.innerText"):
            fail("the experience's confirmation gives no reference")

        # Signed out with the header's button; then the faculty member reviews the regulation.
        browser.events.clear()
        browser.evaluate("document.querySelector('header form button[type=submit]').click()")
        browser.wait_for_load()
        if browser.evaluate("location.pathname") != "/login":
            fail("signing out does not lead back to the sign-in page")
        browser.type_into("#login", "faculty")
        browser.type_into("#password", faculty_password)
        browser.press_submit()
        link = browser.evaluate("document.querySelector('a[href^=\"/regulations/\"]')?.getAttribute('href') ?? ''")
        if not link:
            fail("the faculty member's dashboard lists no regulation under review")
        browser.goto(f"{base}{link}")
        check_page_basics(browser, "regulation")
        browser.type_into("#text-1", "مجوز دوساله، کار کانون‌ها را آسان‌تر می‌کند")
        browser.events.clear()
        browser.evaluate("document.querySelector('#article-1 form button[type=submit]').click()")
        browser.wait_for_load()
        for _ in range(20):
            if "(شما): مجوز دوساله" in browser.evaluate("document.querySelector('#article-1').innerText"):
                break
            time.sleep(0.25)
            browser.goto(f"{base}{link}")
        else:
            fail("the faculty member's comment is not shown under its article after 5 s")
        browser.screenshot(os.path.join(shots, "regulation.png"))

        # The university's deputy officer screens the student's idea, accepting it for evaluation.
        sign_in_as(browser, base, "deputy-ut", deputy_password)
        eventually(browser, f"{base}/screening", IDEA_TITLE, "the deputy's queue does not list the student's idea")
        check_page_basics(browser, "screening queue")
        browser.screenshot(os.path.join(shots, "screening.png"))
        browser.goto(base + browser.evaluate(f"[...document.querySelectorAll('main a')].find(a => a.innerText === {json.dumps(IDEA_TITLE)}).getAttribute('href')"))
        check_page_basics(browser, "screening decision")
        browser.evaluate("document.querySelector('#decision-accepted_for_evaluation').click()")
        click(browser, "main form button[type=submit]")
        if browser.evaluate("location.pathname") != "/screening":
            fail(f"the screening decision was not accepted: {text_of(browser)[:300]}")
        for path, name in [("/awards", "awards-office"), ("/university", "university"), ("/audit", "audit")]:
            browser.goto(f"{base}{path}")
            check_page_basics(browser, name)
            browser.screenshot(os.path.join(shots, f"{name}.png"))

        # The ministry publishes a regulation and opens its review round, from the regulations office.
        sign_in_as(browser, base, "ministry", ministry_password)
        check_page_basics(browser, "ministry dashboard")
        browser.screenshot(os.path.join(shots, "ministry-dashboard.png"))
        browser.goto(f"{base}/regulations")
        check_page_basics(browser, "regulations office")
        browser.type_into("#regulation-id", "ethics")
        browser.type_into("#regulation-title", "شیوه‌نامه اخلاق در برنامه‌های فرهنگی")
        browser.type_into("#regulation-articles", "برنامه‌ها به حریم خصوصی شرکت‌کنندگان احترام می‌گذارند.\nتبصره: عکس‌برداری با رضایت است.\n\nگزارش هر برنامه تا یک ماه منتشر می‌شود.")
        click(browser, "form[action='/forms/regulations'] button[type=submit]")
        if "نسخه ۱ — هنوز به بررسی گذاشته نشده" not in text_of(browser):
            fail(f"the new regulation is not listed: {text_of(browser)[:400]}")
        click(browser, "form[action='/forms/regulations/ethics/round'] button[type=submit]")
        if "در بررسی تا" not in browser.evaluate("document.querySelector('#regulation-ethics').innerText"):
            fail("the regulation's review round did not open")
        browser.screenshot(os.path.join(shots, "regulations-office.png"))

        # A survey drafted on the form, then published from its results page.
        browser.goto(f"{base}/surveys/new")
        check_page_basics(browser, "survey draft")
        for selector, text in [("#survey-id", "library"), ("#survey-title", "نظرسنجی کتابخانه مرکزی"), ("#text-1", "از کتابخانه استفاده می‌کنید؟"),
                               ("#options-1", "بله\nخیر"), ("#text-2", "چرا نه؟")]:
            browser.type_into(selector, text)
        browser.evaluate("document.querySelector('#kind-2').value = 'long'; document.querySelector('#required-2').checked = false")
        browser.type_into("#show-if-question-2", "۱")
        browser.type_into("#show-if-answer-2", "خیر")
        browser.screenshot(os.path.join(shots, "survey-draft.png"))
        click(browser, "form[action='/forms/surveys'] button[type=submit]")
        if browser.evaluate("location.pathname") != "/surveys/library/results":
            fail(f"the survey draft was not accepted: {text_of(browser)[:400]}")
        click(browser, "form[action='/forms/surveys/library/publish'] button")
        if "منتشرشده" not in text_of(browser):
            fail("the survey was not published")
        browser.screenshot(os.path.join(shots, "survey-results.png"))

        # The year's festival: the call closed, the accepted idea confirmed as an entry.
        browser.goto(f"{base}/festivals/new")
        check_page_basics(browser, "festival call")
        browser.screenshot(os.path.join(shots, "festival-call.png"))
        browser.goto(f"{base}/")
        office = browser.evaluate("document.querySelector('a[href$=\"/office\"]')?.getAttribute('href') ?? ''")
        if not office:
            fail("the ministry's dashboard links no festival's office")
        browser.goto(f"{base}{office}")
        check_page_basics(browser, "festival office")
        click(browser, f"form[action='/forms{office.removesuffix('/office')}/close'] button")
        eventually(browser, f"{base}{office}", IDEA_TITLE, "the accepted idea is not proposed for the festival")
        browser.evaluate("document.querySelector('input[name=entry]').click()")
        click(browser, f"form[action='/forms{office.removesuffix('/office')}/entries'] button")
        if IDEA_TITLE not in browser.evaluate("document.querySelector('main > table')?.innerText ?? ''") or "آثار برگزیده تأیید شدند" not in text_of(browser):
            fail(f"the idea was not confirmed as an entry: {text_of(browser)[:400]}")
        browser.screenshot(os.path.join(shots, "festival-office.png"))

        # A certificate's page, as saved: Persian, right to left, its QR code and its credential.
        browser.goto("file://" + os.path.abspath(certificate))
        check_page_basics(browser, "certificate")
        if not browser.evaluate("!!document.querySelector('figure.qr svg') && !!document.querySelector('script[type=\"application/vc+json\"]')"):
            fail("the certificate has no QR code or no embedded credential")
        if pdf_head(certificate.replace(".html", ".pdf")) != b"%PDF-":
            fail("the certificate's PDF was not written")
        browser.screenshot(os.path.join(shots, "certificate.png"))

        # The public verification page, for a code no award carries.
        browser.goto(f"{base}/certificates/verify?code=AAAA-BBBB-CCCC")
        check_page_basics(browser, "certificate verification")
        if "گواهی معتبر نیست" not in browser.evaluate("document.body.innerText"):
            fail("an unknown code is not reported as not valid")
        browser.screenshot(os.path.join(shots, "certificate-verify.png"))
    finally:
        browser.close()
    print(f"browser test: passed; screenshots in {shots}")


if __name__ == "__main__":
    main()
