"""One class per kind of frontend cache, each purging everything it holds for the site.

Everything, not page by page: a publish can change the navigation, the pathway links and the
glossary of other pages too, and the call to action is on every page. The page cache behind them
re-renders each page once, so a full purge costs little.
"""

import datetime
import hashlib
import hmac
import json
import uuid
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings

TIMEOUT_SECONDS = 5


class PurgeError(Exception):
    pass


def _send(url: str, method: str, headers: dict, data: bytes | None = None) -> bytes:
    if urlsplit(url).scheme not in ("http", "https"):
        raise PurgeError(f"{url} is not an http(s) address")
    request = Request(url, data=data, method=method, headers=headers)  # noqa: S310 - checked above
    with urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - checked above
        body = response.read()
        if not 200 <= response.status < 300:
            raise PurgeError(f"{url} answered {response.status}")
        return body


class Varnish:
    """A BAN that the shipped VCL (deploy/varnish/default.vcl) turns into "drop every object"."""

    name = "varnish"

    def __init__(self, url: str):
        self.url = url.rstrip("/")
        self.target = self.url

    def purge_everything(self) -> None:
        _send(f"{self.url}/", "BAN", {"X-Purge-Reason": "content changed"})


class Cloudflare:
    """POST /client/v4/zones/{zone_id}/purge_cache with {"purge_everything": true} (Cloudflare API v4)."""

    name = "cloudflare"

    def __init__(self, zone_id: str, api_token: str, api_url: str):
        self.endpoint = f"{api_url.rstrip('/')}/client/v4/zones/{zone_id}/purge_cache"
        self.api_token = api_token
        self.target = f"zone {zone_id}"

    def purge_everything(self) -> None:
        answer = json.loads(
            _send(
                self.endpoint,
                "POST",
                {"Authorization": f"Bearer {self.api_token}", "Content-Type": "application/json"},
                json.dumps({"purge_everything": True}).encode(),
            )
            or b"{}"
        )
        if not answer.get("success"):
            raise PurgeError(f"Cloudflare refused the purge: {answer.get('errors')}")


class CloudFront:
    """CreateInvalidation of /* (CloudFront API 2020-05-31), signed with AWS Signature Version 4."""

    name = "cloudfront"
    region = "us-east-1"  # CloudFront is a global service signed in us-east-1
    service = "cloudfront"

    def __init__(self, distribution_id: str, access_key_id: str, secret_access_key: str, api_url: str):
        self.api_url = api_url.rstrip("/")
        self.path = f"/2020-05-31/distribution/{distribution_id}/invalidation"
        self.access_key_id = access_key_id
        self.secret_access_key = secret_access_key
        self.target = f"distribution {distribution_id}"

    def invalidation_batch(self, caller_reference: str) -> bytes:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">'
            "<Paths><Quantity>1</Quantity><Items><Path>/*</Path></Items></Paths>"
            f"<CallerReference>{caller_reference}</CallerReference>"
            "</InvalidationBatch>"
        ).encode()

    def purge_everything(self) -> None:
        body = self.invalidation_batch(f"portal-{uuid.uuid4().hex}")
        now = datetime.datetime.now(datetime.UTC)
        headers = self.signed_headers("POST", self.path, body, now)
        _send(f"{self.api_url}{self.path}", "POST", headers, body)

    def signed_headers(self, method: str, path: str, body: bytes, now: datetime.datetime) -> dict:
        """The headers of a SigV4-signed request (AWS General Reference, "Signature Version 4")."""
        host = urlsplit(self.api_url).netloc
        amz_date = now.strftime("%Y%m%dT%H%M%SZ")
        day = amz_date[:8]
        payload_hash = hashlib.sha256(body).hexdigest()
        headers = {
            "content-type": "application/xml",
            "host": host,
            "x-amz-content-sha256": payload_hash,
            "x-amz-date": amz_date,
        }
        signed = ";".join(sorted(headers))
        canonical = "\n".join(
            [
                method,
                path,
                "",  # no query string
                "".join(f"{name}:{headers[name]}\n" for name in sorted(headers)),
                signed,
                payload_hash,
            ]
        )
        scope = f"{day}/{self.region}/{self.service}/aws4_request"
        to_sign = "\n".join(
            ["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()]
        )
        key = f"AWS4{self.secret_access_key}".encode()
        for part in (day, self.region, self.service, "aws4_request"):
            key = hmac.new(key, part.encode(), hashlib.sha256).digest()
        signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
        authorization = (
            f"AWS4-HMAC-SHA256 Credential={self.access_key_id}/{scope}, "
            f"SignedHeaders={signed}, Signature={signature}"
        )
        return {
            "Content-Type": headers["content-type"],
            "X-Amz-Content-Sha256": payload_hash,
            "X-Amz-Date": amz_date,
            "Authorization": authorization,
        }


def configured_backends() -> list:
    caches = settings.FRONTEND_CACHES
    backends: list = [Varnish(url) for url in caches["varnish"]["urls"]]
    cloudflare = caches["cloudflare"]
    if cloudflare["zone_id"]:
        backends.append(Cloudflare(cloudflare["zone_id"], cloudflare["api_token"], cloudflare["api_url"]))
    cloudfront = caches["cloudfront"]
    if cloudfront["distribution_id"]:
        backends.append(
            CloudFront(
                cloudfront["distribution_id"],
                cloudfront["access_key_id"],
                cloudfront["secret_access_key"],
                cloudfront["api_url"],
            )
        )
    return backends
