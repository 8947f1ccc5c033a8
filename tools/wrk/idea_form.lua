-- wrk script: authenticated POSTs of the idea form, each a new idea (so each is a durable
-- append of a draft and its submission). The API token comes from $HADAF_TOKEN.
local token = os.getenv("HADAF_TOKEN")
local fields = "&summary=%D8%AE%D9%84%D8%A7%D8%B5%D9%87&problem=%D9%85%D8%B3%D8%A6%D9%84%D9%87" ..
  "&proposal=%D9%BE%DB%8C%D8%B4%D9%86%D9%87%D8%A7%D8%AF&expectedImpact=%D8%A7%D8%AB%D8%B1&category=cultural"
local counter = 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  counter = counter + 1
  local body = "title=%D8%A7%DB%8C%D8%AF%D9%87+" .. math.random(1, 1000000000) .. "-" .. counter .. fields
  return wrk.format("POST", "/forms/idea", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
