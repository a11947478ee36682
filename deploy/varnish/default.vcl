# Varnish 7 in front of the portal (docs/http-caching.md).
#
# - Only anonymous GET/HEAD requests for pages and static files are cached; anything carrying a
#   session or CSRF cookie, an Authorization header, or aimed at staff or reading-pack paths goes
#   straight to the portal.
# - The portal says how long a page may be kept (s-maxage) and sends a BAN whenever a change that
#   patients would see is committed; BAN and PURGE are accepted only from the addresses in `purgers`.
# - Grace: while every backend is down, cached pages go on being served for up to a day.
vcl 4.1;

import std;

backend portal {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/healthz";
        .interval = 2s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# The portal's own machines: only they may purge.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN" || req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(403, "Not allowed"));
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        # Every object: a change can alter the navigation, the pathway and the call to action of
        # every page. obj.* bans are evaluated by the ban lurker, so they do not pile up.
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization
        || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)="
        || req.url ~ "^/(admin|staff|p)(/|$)"
        || req.url ~ "^/healthz") {
        return (pass);
    }
    # Patients have no cookies; anything else a browser sends (a stray cookie from another
    # application on the domain) must not split or bypass the cache.
    unset req.http.Cookie;
    # Two representations only: gzip or plain.
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # Keep every object for a day past its TTL, for grace while the portal is unreachable.
    set beresp.grace = 24h;
    if (bereq.url ~ "^/static/") {
        # Hashed file names: cacheable as long as the portal says (whitenoise).
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(?i)public"
        || beresp.http.Cache-Control ~ "(?i)no-cache|no-store|private") {
        # Only what the portal marks public, for a time, and sends without a cookie is shared:
        # "no-cache" means no frontend cache is purged, so Varnish must not keep the page.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    # Browsers re-check with the portal's ETag; Varnish answers the 304 itself.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
