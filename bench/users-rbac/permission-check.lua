-- wrk script: POST /api/v1/users/{id}/permissions/check for seeded members of Bench Org, cycling
-- through 10,000 users so the check is not one cached row. Set ADMIN_TOKEN in the environment.
local token = os.getenv("ADMIN_TOKEN")
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = '{"permissions":["members:read","content:write","organization:delete"],'
        .. '"context":{"organizationId":"org_BENCH000000000000000000001"}}'

request = function()
  i = (i % 10000) + 1
  local id = string.format("usr_BENCH%021d", i)
  return wrk.format(nil, "/api/v1/users/" .. id .. "/permissions/check")
end
