#!/usr/bin/env python3
"""A light mixed load on a running Potentia, for the soak check in docs/benchmarks.md.

Python 3 standard library only. Start Potentia on a fresh ./data with demo data and a
known admin password, then run for example

    python3 soak.py --base http://localhost:8099 --password soak-admin-1 --minutes 60

Each second it does one step of a fixed cycle: reads (lists, a search, an opportunity,
the opportunity list, board and lead list pages, the health check), opportunity creates and patches
(amount, stage) through the API, lead creates through the API, and, every 40 seconds
(inside the default rate limit of 20 posts per address in 10 minutes), a JSON post to
the demo web form. It counts requests and errors (any status other than the one
expected, or no answer), prints a line a minute and a summary at the end, and exits
with 1 if any request failed.
"""

import argparse
import base64
import http.cookiejar
import json
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

JSON_API = "application/vnd.api+json"


class Soak:

    def __init__(self, base, user, password):
        self.base = base.rstrip("/")
        self.user = user
        self.password = password
        self.requests = 0
        self.errors = 0
        self.by_kind = {}
        self.failures = []
        self.token = None
        self.cookies = http.cookiejar.CookieJar()
        self.browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.plain = urllib.request.build_opener()

    # --- HTTP ---------------------------------------------------------------------

    def call(self, kind, method, path, body=None, headers=None, expect=(200,), opener=None):
        """One request; counts it, and counts it as an error unless its status is expected."""
        data = None
        all_headers = {"Accept-Language": random.choice(["en", "de"])}
        if headers:
            all_headers.update(headers)
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=all_headers)
        self.requests += 1
        counts = self.by_kind.setdefault(kind, [0, 0])
        counts[0] += 1
        status, text = None, ""
        try:
            with (opener or self.plain).open(request, timeout=30) as response:
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode("utf-8", "replace")
        except Exception as error:  # no answer at all: refused, reset, timed out
            text = repr(error)
        if status not in expect:
            self.errors += 1
            counts[1] += 1
            line = "%s %s %s -> %s %s" % (time.strftime("%H:%M:%S"), method, path, status, text[:300])
            self.failures.append(line)
            print("ERROR " + line, flush=True)
            return status, None
        return status, text

    def api(self, kind, method, path, body=None, expect=(200,)):
        headers = {"Authorization": "Bearer " + self.token, "Accept": JSON_API}
        if body is not None:
            headers["Content-Type"] = JSON_API
        status, text = self.call(kind, method, path, body, headers, expect)
        return json.loads(text) if text else None

    # --- set up -------------------------------------------------------------------

    def setup(self):
        basic = base64.b64encode(("%s:%s" % (self.user, self.password)).encode()).decode()
        status, text = self.call("setup", "POST", "/api/v1/tokens",
                                 {"data": {"type": "tokens", "attributes": {"name": "soak"}}},
                                 {"Authorization": "Basic " + basic, "Content-Type": JSON_API}, (200, 201))
        if text is None:
            sys.exit("could not make an API token")
        document = json.loads(text)
        attributes = document["data"].get("attributes", {})
        self.token = attributes.get("token") or document.get("meta", {}).get("token")
        accounts = self.api("setup", "GET", "/api/v1/accounts?page%5Bsize%5D=100")["data"]
        self.accounts = [int(account["id"]) for account in accounts]
        stages = self.api("setup", "GET", "/api/v1/stages?page%5Bsize%5D=100")["data"]
        self.stages = [int(stage["id"]) for stage in stages
                       if stage["attributes"].get("module") in ("potentials", "opportunities", None)]
        self.opportunities = []
        # The demo web form's public key, from the admin's list of forms.
        _, page = self.call("setup", "GET", "/login", opener=self.browser)
        csrf = re.search(r'name="_csrf"\s+value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"username": self.user, "password": self.password, "_csrf": csrf}).encode()
        self.call("setup", "POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"},
                  (200, 302), self.browser)
        _, page = self.call("setup", "GET", "/admin/forms", opener=self.browser)
        keys = re.findall(r'href="/forms/([A-Za-z0-9_-]+)"', page or "")
        if not keys:
            sys.exit("no web form found (start Potentia with --potentia.demo=true)")
        self.form_key = keys[0]
        print("setup: %d accounts, %d stages, web form %s" % (len(self.accounts), len(self.stages), self.form_key),
              flush=True)

    # --- the steps ----------------------------------------------------------------

    def read(self, step):
        paths = ["/api/v1/accounts?page%5Bsize%5D=20", "/api/v1/potentials?sort=-created_at",
                 "/api/v1/leads?q=soak", "/api/v1/potential_history?sort=-id&page%5Bsize%5D=20",
                 "/actuator/health"]
        path = paths[step % len(paths)]
        if path.startswith("/actuator"):
            self.call("read", "GET", path)
        else:
            self.api("read", "GET", path)
        if step % 7 == 0:
            self.call("read", "GET", random.choice(["/opportunities", "/opportunities/board", "/leads", "/"]),
                      opener=self.browser)
        if self.opportunities and step % 3 == 0:
            self.api("read", "GET", "/api/v1/potentials/%d" % random.choice(self.opportunities))

    def create_opportunity(self, step):
        attributes = {"name": "Soak deal %d" % step, "amount": random.randint(1, 500) * 100,
                      "account_id": random.choice(self.accounts)}
        document = self.api("opportunity create", "POST", "/api/v1/potentials",
                            {"data": {"type": "potentials", "attributes": attributes}}, (201,))
        if document:
            self.opportunities.append(int(document["data"]["id"]))
            del self.opportunities[:-200]

    def patch_opportunity(self, step):
        if not self.opportunities:
            return self.create_opportunity(step)
        identifier = random.choice(self.opportunities)
        attributes = {"amount": random.randint(1, 500) * 100}
        if self.stages and step % 2 == 0:
            attributes["stage_id"] = random.choice(self.stages)
        self.api("opportunity patch", "PATCH", "/api/v1/potentials/%d" % identifier,
                 {"data": {"type": "potentials", "id": str(identifier), "attributes": attributes}})

    def create_lead(self, step):
        attributes = {"last_name": "Soak %d" % step, "company": "Soak GmbH", "lead_source": "api",
                      "email": "soak-%d-%d@example.com" % (step, random.randint(0, 10 ** 9))}
        self.api("lead create", "POST", "/api/v1/leads", {"data": {"type": "leads", "attributes": attributes}},
                 (201,))

    def post_web_form(self, step):
        _, text = self.call("web form", "GET", "/forms/%s/token" % self.form_key)
        if text is None:
            return
        time.sleep(3.5)  # the demo form's minimum fill time is 3 seconds
        body = {"_token": json.loads(text)["token"], "last_name": "Visitor %d" % step, "company": "Soak AG",
                "email": "visitor-%d-%d@example.com" % (step, random.randint(0, 10 ** 9))}
        self.call("web form", "POST", "/forms/%s" % self.form_key, body, {"Content-Type": "application/json"},
                  (201,))

    def run(self, minutes):
        self.setup()
        start = time.time()
        end = start + minutes * 60
        last_form = 0.0
        last_report = start
        step = 0
        while time.time() < end:
            step += 1
            self.read(step)
            kind = step % 4
            if kind == 0:
                self.create_opportunity(step)
            elif kind == 1:
                self.patch_opportunity(step)
            elif kind == 2:
                self.create_lead(step)
            else:
                self.patch_opportunity(step)
            if time.time() - last_form >= 40:
                last_form = time.time()
                self.post_web_form(step)
            if time.time() - last_report >= 60:
                last_report = time.time()
                print("%s after %.1f min: %d requests, %d errors" % (
                    time.strftime("%H:%M:%S"), (last_report - start) / 60, self.requests, self.errors), flush=True)
            time.sleep(1)
        duration = (time.time() - start) / 60
        print("SUMMARY duration %.1f min, %d requests, %d errors" % (duration, self.requests, self.errors),
              flush=True)
        for kind, (count, failed) in sorted(self.by_kind.items()):
            print("  %-18s %6d requests %4d errors" % (kind, count, failed), flush=True)
        return 1 if self.errors else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", required=True)
    parser.add_argument("--minutes", type=float, default=60)
    arguments = parser.parse_args()
    sys.exit(Soak(arguments.base, arguments.user, arguments.password).run(arguments.minutes))


if __name__ == "__main__":
    main()
