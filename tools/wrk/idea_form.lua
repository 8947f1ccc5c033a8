-- wrk script: authenticated POSTs of the idea form, each a new idea with its own text (so each
-- is one durable append of a draft and its submission, and the near-duplicate check meets ideas
-- as varied as real ones, not one text a thousand times). The API token comes from $HADAF_TOKEN.
local token = os.getenv("HADAF_TOKEN")
local words = {
  "%DA%A9%D8%AA%D8%A7%D8%A8", "%D8%AA%D8%A6%D8%A7%D8%AA%D8%B1", "%D8%A7%D8%B1%D8%AF%D9%88", "%D8%AE%D9%88%D8%A7%D8%A8%DA%AF%D8%A7%D9%87",
  "%D9%85%D9%88%D8%B3%DB%8C%D9%82%DB%8C", "%D9%81%DB%8C%D9%84%D9%85", "%D9%88%D8%B1%D8%B2%D8%B4", "%D8%B3%D9%81%D8%B1",
  "%DA%A9%D8%A7%D8%B1%DA%AF%D8%A7%D9%87", "%D9%86%D8%B4%D8%B3%D8%AA", "%D8%AF%D8%A7%D9%86%D8%B4%D8%AC%D9%88", "%D8%A7%D8%B3%D8%AA%D8%A7%D8%AF",
  "%D9%85%D8%B3%D8%AC%D8%AF", "%D9%85%D8%AD%DB%8C%D8%B7", "%D8%B2%DB%8C%D8%B3%D8%AA", "%D9%86%D9%82%D8%A7%D8%B4%DB%8C",
  "%D8%B4%D8%B9%D8%B1", "%D8%AF%D8%A7%D8%B3%D8%AA%D8%A7%D9%86", "%D9%85%D8%B3%D8%A7%D8%A8%D9%82%D9%87", "%D8%AC%D8%B4%D9%86%D9%88%D8%A7%D8%B1%D9%87",
  "%D8%B1%D8%B3%D8%A7%D9%86%D9%87", "%D8%B3%D9%84%D8%A7%D9%85%D8%AA", "%D9%87%D9%85%DB%8C%D8%A7%D8%B1%DB%8C", "%D8%AF%D8%A7%D9%88%D8%B7%D9%84%D8%A8",
}

local function sentence(count)
  local parts = {}
  for i = 1, count do parts[i] = words[math.random(#words)] end
  return table.concat(parts, "+") .. "+" .. math.random(1, 1000000000)
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local body = "title=" .. sentence(4) .. "&summary=" .. sentence(10) .. "&problem=" .. sentence(10) ..
    "&proposal=" .. sentence(10) .. "&expectedImpact=" .. sentence(6) .. "&category=cultural"
  return wrk.format("POST", "/forms/idea", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
