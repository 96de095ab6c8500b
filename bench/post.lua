-- wrk script for form posts: POST with the body in $BODY (empty when unset), form-encoded.
wrk.method = "POST"
wrk.body = os.getenv("BODY") or ""
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
