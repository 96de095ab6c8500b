-- wrk script for form posts by many people at once: each line of the file in $POSTS is
-- "cookie<TAB>path<TAB>body"; every connection takes the next line in turn.
local posts = {}
for line in io.lines(os.getenv("POSTS")) do
  local cookie, path, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
  if cookie then posts[#posts + 1] = { cookie = cookie, path = path, body = body } end
end
local next_post = 0

function request()
  next_post = next_post % #posts + 1
  local p = posts[next_post]
  return wrk.format("POST", p.path, { ["Cookie"] = p.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, p.body)
end
