-- wrk script: POST /Users with a userName unique per thread and request (SCIM provisioning throughput).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  math.randomseed(os.time() + tid)
  prefix = "t" .. tid .. "r" .. math.random(1, 1000000000)
  counter = 0
end
function request()
  counter = counter + 1
  local name = "prov-" .. prefix .. "-" .. counter .. "@bench.example"
  local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"' .. name ..
    '","name":{"givenName":"Pro","familyName":"Vision"},"emails":[{"value":"' .. name ..
    '","type":"work","primary":true}],"active":true}'
  return wrk.format("POST", "/api/v1/scim/v2/Users", nil, body)
end
local shown = false
function response(status, headers, body)
  if status ~= 201 and not shown then
    shown = true
    io.stderr:write("first failed create: " .. status .. " " .. body .. "\n")
  end
end
