-- Prints one JSON line at the end of a wrk run: throughput, latency percentiles, errors, 5xx.
-- With BENCH_PATHS (comma-separated) set, each request takes the next path of the list (a mix).
local threads = {}
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "", "[^,]+") do
  table.insert(paths, path)
end
local unique = os.getenv("BENCH_UNIQUE_QUERY") == "1"

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  server_errors = 0
end

function request()
  counter = counter + 1
  local path = wrk.path
  if #paths > 0 then
    path = paths[(counter % #paths) + 1]
  end
  if unique then
    -- A query string the page cache never serves or stores: every request is a full render.
    local separator = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. separator .. "bench=" .. id .. "-" .. counter
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local fivexx = 0
  for _, thread in ipairs(threads) do
    fivexx = fivexx + thread:get("server_errors")
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, ' ..
    '"non_2xx_3xx": %d, "status_5xx": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status, fivexx))
end
