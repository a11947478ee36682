"""What every response gets on its way out, whoever made it: compression, one ETag per content
coding, and no body on a HEAD.

- Pages from the page cache are compressed once, when stored (responses.py). Everything else of
  1 KB or more (reading packs, the print view, forms, staff pages) is gzipped here, on the way out,
  by Django's GZipMiddleware, which pads each answer by a random few bytes so its length cannot be
  used to guess a secret in it (BREACH). Both send `Vary: Accept-Encoding`.
- whitenoise sends a static file's gzip, Brotli and plain copies under one strong ETag; RFC 9110
  (8.8.3) ties a strong validator to one representation, content coding included. Each copy gets
  its own tag here, and a returning tag is read back, so 304s keep working for each copy.
- A HEAD answer keeps the GET's headers, Content-Length included, and sends no body, so the WSGI
  server never has a body to throw away.
"""

import re

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

MIN_COMPRESSED_BYTES = 1024
_CODING_SUFFIX = re.compile(r'-(gzip|br)"$')


class CompressRestMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if response.has_header("ETag") or (
            not response.streaming and len(response.content) < MIN_COMPRESSED_BYTES
        ):
            return response  # the page cache's and whitenoise's own, or too small to gain
        return super().process_response(request, response)


class StaticFileETagMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(settings.STATIC_URL):
            return self.get_response(request)
        sent = request.META.get("HTTP_IF_NONE_MATCH", "")
        coding = _CODING_SUFFIX.search(sent)
        if coding:
            request.META["HTTP_IF_NONE_MATCH"] = sent[: coding.start()] + '"'
        response = self.get_response(request)
        etag = response.get("ETag", "")
        if not etag or etag.startswith("W/"):
            return response
        encoding = response.get("Content-Encoding") if response.status_code == 200 else None
        if response.status_code == 304 and coding:
            encoding = coding.group(1)  # the copy the browser holds, whose tag just matched
        if encoding:
            response["ETag"] = f'{etag[:-1]}-{encoding}"'
        return response


class HeadWithoutBodyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming and response.content:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
