-- wrk script for answering a survey: each line of the file in $POSTS is one person's answer,
-- "cookie<TAB>path<TAB>body". Each of the $THREADS threads takes every THREADS-th line from its
-- own offset and stops once each of its lines has been answered: a second answer is refused
-- without a write, and would flatter the figure. wrk divides by the whole duration however early
-- its threads stop, so the pace is measured here, from the first request to the last answer,
-- and printed as "Answers/sec".
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock, bench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local function now()
  local t = ffi.new("bench_timespec")
  ffi.C.clock_gettime(CLOCK_MONOTONIC, t)
  return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end

local threads = {}
function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

local posts = {}
local next_post = 0
answered = 0
started = nil
finished = nil

function init(args)
  local count = tonumber(os.getenv("THREADS") or "1")
  local n = 0
  for line in io.lines(os.getenv("POSTS")) do
    if n % count == offset then
      local cookie, path, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      if cookie then posts[#posts + 1] = { cookie = cookie, path = path, body = body } end
    end
    n = n + 1
  end
end

function request()
  started = started or now()
  next_post = next_post % #posts + 1
  local p = posts[next_post]
  return wrk.format("POST", p.path, { ["Cookie"] = p.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, p.body)
end

function response(status, headers, body)
  answered = answered + 1
  finished = now()
  if answered >= #posts then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local total, first, last = 0, math.huge, 0
  for _, t in ipairs(threads) do
    total = total + t:get("answered")
    first = math.min(first, t:get("started") or math.huge)
    last = math.max(last, t:get("finished") or 0)
  end
  if last > first then io.write(string.format("Answers/sec: %.0f in %.1f s\n", total / (last - first), last - first)) end
end
