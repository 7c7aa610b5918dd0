-- wrk script: Okta's lookup before a create, GET /Users?filter=userName eq "userN@bench.example", N random in the seeded range.
local users = tonumber(os.getenv("USERS") or "100000")
function init(args)
  math.randomseed(os.time() + math.random(1, 100000))
end
function request()
  local n = math.random(1, users)
  return wrk.format("GET", "/api/v1/scim/v2/Users?filter=userName%20eq%20%22user" .. n .. "%40bench.example%22")
end
