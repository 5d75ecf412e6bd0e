-- wrk script of bench/bench_beban.py: every connection walks its own way
-- through a list of paths (home, search, detail, download: one "type path"
-- per line in the file named by BEBAN_URL), counting answers per status.
-- (Not per type: wrk does not say which connection a response belongs to.)
-- A download answers 302 (presigned S3 URL): a success, not followed here.

local daftar = {}
local jenis = {}
local thread_list = {}
local nomor_utas = 0

function setup(thread)
  nomor_utas = nomor_utas + 1
  thread:set("nomor", nomor_utas)
  table.insert(thread_list, thread)
end

function init(args)
  for baris in io.lines(os.getenv("BEBAN_URL")) do
    local j, p = baris:match("^(%S+)%s+(%S+)$")
    if j then
      table.insert(jenis, j)
      table.insert(daftar, p)
    end
  end
  -- Each thread starts at its own place, so threads do not move in step.
  i = (nomor * 7919) % #daftar
  hitung = {}
end

function request()
  i = i % #daftar + 1
  return wrk.format("GET", daftar[i])
end

function response(status, headers, body)
  local kunci = tostring(status)
  hitung[kunci] = (hitung[kunci] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(thread_list) do
    local h = t:get("hitung")
    for k, v in pairs(h) do
      total[k] = (total[k] or 0) + v
    end
  end
  local e = summary.errors
  io.write("HASIL-JSON {")
  io.write(string.format('"permintaan": %d, "durasi_us": %d, ', summary.requests, summary.duration))
  io.write(string.format('"galat_connect": %d, "galat_read": %d, "galat_write": %d, ',
    e.connect, e.read, e.write))
  io.write(string.format('"galat_status": %d, "galat_timeout": %d, ', e.status, e.timeout))
  io.write(string.format('"p50_us": %d, "p90_us": %d, "p99_us": %d, "maks_us": %d, ',
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
  io.write('"per_status": {')
  local pertama = true
  for k, v in pairs(total) do
    if not pertama then io.write(", ") end
    pertama = false
    io.write(string.format('"%s": %d', k, v))
  end
  io.write("}}\n")
end
