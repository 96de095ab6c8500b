-- wrk script for answering a survey: each line of the file in $POSTS is one person's answer,
-- "cookie<TAB>path<TAB>body". Each of the $THREADS threads takes every THREADS-th line from its
-- own offset, so that no one answers twice while the lines last (a second answer is refused
-- without a write, and would flatter the figure).
local threads_started = 0
function setup(thread)
  thread:set("offset", threads_started)
  threads_started = threads_started + 1
end

local posts = {}
local next_post = 0

function init(args)
  local threads = tonumber(os.getenv("THREADS") or "1")
  local n = 0
  for line in io.lines(os.getenv("POSTS")) do
    if n % threads == offset then
      local cookie, path, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      if cookie then posts[#posts + 1] = { cookie = cookie, path = path, body = body } end
    end
    n = n + 1
  end
end

function request()
  next_post = next_post % #posts + 1
  local p = posts[next_post]
  return wrk.format("POST", p.path, { ["Cookie"] = p.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, p.body)
end
