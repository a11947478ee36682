"""A small scorer for the MDN HTTP Observatory's header tests, to grade the portal's own responses.

Rules and modifiers are those published in "HTTP Observatory: Tests & Scoring"
(https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring, source:
github.com/mdn/yari copy/observatory/tests_and_scoring.md): start at 100, subtract the penalties,
and add the bonuses only if the result is at least 90. A+ is 100 or more.

It grades what one response (plus the plain-HTTP redirect) shows; it cannot see the HSTS preload
list, so the preload bonus is never given. Where the published table and common sense disagree
(it lists "corp-not-implemented" at +5), we score the header we send: same-origin, 0.
"""

import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

SIX_MONTHS = 15768000
PRIVATE_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
UNSAFE_REFERRER_POLICIES = {"origin", "origin-when-cross-origin", "unsafe-url"}
KNOWN_REFERRER_POLICIES = (
    PRIVATE_REFERRER_POLICIES | UNSAFE_REFERRER_POLICIES | {"no-referrer-when-downgrade"}
)
BROAD_SOURCES = {"*", "http:", "https:", "data:", "blob:", "filesystem:"}


@dataclass
class Grade:
    results: dict[str, tuple[str, int]] = field(default_factory=dict)

    def add(self, test: str, result: str, modifier: int) -> None:
        self.results[test] = (result, modifier)

    @property
    def score(self) -> int:
        penalties = sum(m for _, m in self.results.values() if m < 0)
        bonuses = sum(m for _, m in self.results.values() if m > 0)
        score = 100 + penalties
        if score >= 90:
            score += bonuses
        return max(score, 0)

    def explain(self) -> str:
        return ", ".join(f"{test}: {result} ({m:+d})" for test, (result, m) in self.results.items())


def parse_csp(header: str) -> dict[str, list[str]]:
    policy = {}
    for directive in header.split(";"):
        words = directive.strip().split()
        if words:
            policy.setdefault(words[0].lower(), [w.lower() for w in words[1:]])
    return policy


def _sources(policy, directive):
    return policy.get(directive, policy.get("default-src"))


def grade_csp(header: str | None, grade: Grade) -> dict:
    if not header:
        grade.add("content-security-policy", "csp-not-implemented", -25)
        return {}
    policy = parse_csp(header)
    scripts = _sources(policy, "script-src")
    objects = _sources(policy, "object-src")
    styles = _sources(policy, "style-src") or []
    if scripts is None or objects is None:
        grade.add("content-security-policy", "csp-implemented-with-unsafe-inline", -20)
        return policy
    allows_inline = "'unsafe-inline'" in scripts and not any(
        s.startswith(("'nonce-", "'sha")) or s == "'strict-dynamic'" for s in scripts
    )
    if allows_inline or BROAD_SOURCES & set(scripts) or (BROAD_SOURCES - {"data:", "blob:"}) & set(objects):
        grade.add("content-security-policy", "csp-implemented-with-unsafe-inline", -20)
    elif any(s.startswith("http:") for values in policy.values() for s in values):
        grade.add("content-security-policy", "csp-implemented-with-insecure-scheme", -20)
    elif "'unsafe-eval'" in scripts:
        grade.add("content-security-policy", "csp-implemented-with-unsafe-eval", -10)
    elif "'unsafe-inline'" in styles or BROAD_SOURCES & set(styles):
        grade.add("content-security-policy", "csp-implemented-with-unsafe-inline-in-style-src-only", 0)
    elif policy.get("default-src") == ["'none'"]:
        grade.add("content-security-policy", "csp-implemented-with-no-unsafe-default-src-none", 10)
    else:
        grade.add("content-security-policy", "csp-implemented-with-no-unsafe", 5)
    return policy


def grade_cookies(set_cookie_headers: list[str], hsts: bool, grade: Grade) -> None:
    if not set_cookie_headers:
        grade.add("cookies", "cookies-not-found", 0)
        return
    worst = ("cookies-secure-with-httponly-sessions-and-samesite", 5)
    for raw in set_cookie_headers:
        cookie = SimpleCookie(raw)
        for morsel in cookie.values():
            session = "session" in morsel.key.lower()
            samesite = (morsel["samesite"] or "").lower()
            if not morsel["secure"]:
                found = (
                    ("cookies-session-without-secure-flag-but-protected-by-hsts", -10)
                    if hsts and session
                    else ("cookies-without-secure-flag-but-protected-by-hsts", -5)
                    if hsts
                    else ("cookies-session-without-secure-flag", -40)
                    if session
                    else ("cookies-without-secure-flag", -20)
                )
            elif session and not morsel["httponly"]:
                found = ("cookies-session-without-httponly-flag", -30)
            elif samesite and samesite not in {"strict", "lax"}:
                found = ("cookies-samesite-flag-invalid", -20)
            elif "csrf" in morsel.key.lower() and not samesite:
                found = ("cookies-anticsrf-without-samesite-flag", -20)
            elif not samesite:
                found = ("cookies-secure-with-httponly-sessions", 0)
            else:
                continue
            worst = min(worst, found, key=lambda pair: pair[1])
    grade.add("cookies", *worst)


def grade_sri(html: str, content_type: str, grade: Grade) -> None:
    if "html" not in content_type:
        grade.add("subresource-integrity", "sri-not-implemented-response-not-html", 0)
        return
    scripts = re.findall(r"<script\b[^>]*\bsrc=[\"']?([^\"' >]+)[^>]*>", html, re.I)
    external = [src for src in scripts if urlsplit(src).netloc]
    if not scripts:
        grade.add("subresource-integrity", "sri-not-implemented-but-no-scripts-loaded", 0)
    elif not external:
        grade.add("subresource-integrity", "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0)
    elif all(src.startswith("https:") for src in external):
        grade.add("subresource-integrity", "sri-not-implemented-but-external-scripts-loaded-securely", -5)
    else:
        grade.add(
            "subresource-integrity", "sri-not-implemented-and-external-scripts-not-loaded-securely", -50
        )


def grade_response(response, http_redirect) -> Grade:
    """Grade a Django test response fetched over HTTPS, and the answer to the same URL over HTTP."""
    grade = Grade()
    headers = response.headers

    policy = grade_csp(headers.get("Content-Security-Policy"), grade)

    hsts = headers.get("Strict-Transport-Security", "")
    max_age = re.search(r"max-age=(\d+)", hsts)
    if not hsts:
        grade.add("strict-transport-security", "hsts-not-implemented", -20)
    elif not max_age:
        grade.add("strict-transport-security", "hsts-header-invalid", -20)
    elif int(max_age.group(1)) < SIX_MONTHS:
        grade.add("strict-transport-security", "hsts-implemented-max-age-less-than-six-months", -10)
    else:
        grade.add("strict-transport-security", "hsts-implemented-max-age-at-least-six-months", 0)

    grade_cookies([morsel.OutputString() for morsel in response.cookies.values()], bool(hsts), grade)

    acao = headers.get("Access-Control-Allow-Origin")
    grade.add(
        "cross-origin-resource-sharing",
        "cross-origin-resource-sharing-implemented-with-universal-access"
        if acao == "*" and headers.get("Access-Control-Allow-Credentials")
        else "cross-origin-resource-sharing-not-implemented"
        if acao is None
        else "cross-origin-resource-sharing-implemented-with-restricted-access",
        -50 if acao == "*" and headers.get("Access-Control-Allow-Credentials") else 0,
    )

    location = (
        http_redirect.headers.get("Location", "") if http_redirect.status_code in (301, 302, 307, 308) else ""
    )
    target = urlsplit(location)
    if not location:
        grade.add("redirection", "redirection-missing", -20)
    elif target.scheme != "https":
        grade.add("redirection", "redirection-not-to-https-on-initial-redirection", -10)
    elif target.netloc and target.netloc != http_redirect.wsgi_request.get_host():
        grade.add("redirection", "redirection-off-host-from-http", -5)
    else:
        grade.add("redirection", "redirection-to-https", 0)

    referrer = [p.strip().lower() for p in headers.get("Referrer-Policy", "").split(",") if p.strip()]
    if not referrer:
        grade.add("referrer-policy", "referrer-policy-not-implemented", 0)
    elif any(p not in KNOWN_REFERRER_POLICIES for p in referrer):
        grade.add("referrer-policy", "referrer-policy-header-invalid", -5)
    elif referrer[-1] in PRIVATE_REFERRER_POLICIES:
        grade.add("referrer-policy", "referrer-policy-private", 5)
    elif referrer[-1] in UNSAFE_REFERRER_POLICIES:
        grade.add("referrer-policy", "referrer-policy-unsafe", -5)
    else:
        grade.add("referrer-policy", "referrer-policy-no-referrer-when-downgrade", 0)

    grade_sri(response.content.decode(errors="replace"), headers.get("Content-Type", ""), grade)

    nosniff = headers.get("X-Content-Type-Options")
    if nosniff is None:
        grade.add("x-content-type-options", "x-content-type-options-not-implemented", -5)
    elif nosniff.strip().lower() != "nosniff":
        grade.add("x-content-type-options", "x-content-type-options-header-invalid", -5)
    else:
        grade.add("x-content-type-options", "x-content-type-options-nosniff", 0)

    xfo = (headers.get("X-Frame-Options") or "").strip().upper()
    ancestors = policy.get("frame-ancestors")
    if ancestors and "*" not in ancestors:
        grade.add("x-frame-options", "x-frame-options-implemented-via-csp", 5)
    elif xfo in {"DENY", "SAMEORIGIN"}:
        grade.add("x-frame-options", "x-frame-options-sameorigin-or-deny", 0)
    elif not xfo:
        grade.add("x-frame-options", "x-frame-options-not-implemented", -20)
    else:
        grade.add("x-frame-options", "x-frame-options-header-invalid", -20)

    corp = (headers.get("Cross-Origin-Resource-Policy") or "").strip().lower()
    corp_results = {
        "same-origin": ("corp-implemented-with-same-origin", 0),
        "same-site": ("corp-implemented-with-same-site", 0),
        "cross-origin": ("corp-implemented-with-cross-origin", -20),
        "": ("corp-not-implemented", 0),
    }
    grade.add("cross-origin-resource-policy", *corp_results.get(corp, ("corp-header-invalid", -20)))
    return grade
