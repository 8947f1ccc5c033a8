-- wrk script: authenticated POSTs of the idea form, each a new idea with its own text (so each
-- is one durable append of a draft and its submission, and the near-duplicate check meets ideas
-- as varied as real ones, not one text a thousand times). A text is drawn from 135 words of
-- the platform's topics, with Persian's ten commonest function words making up about 30% of it
-- as in real prose. With the 24 words used before, any two ideas shared a sixth of their
-- shingles, and the check compared each new idea with about 0.6% of the whole catalogue
-- (0.02% with this draw; both simulated with the index's banding): a cost that grew through
-- the run as no real catalogue would make it. Each request is sent with one of the students'
-- API tokens in $HADAF_TOKENS (comma-separated), drawn at random.
local tokens = {}
for token in string.gmatch(os.getenv("HADAF_TOKENS") or "", "[^,]+") do tokens[#tokens + 1] = token end
local stopWords = {
  "%D9%88", "%D8%AF%D8%B1", "%D8%A8%D9%87", "%D8%A7%D8%B2", "%DA%A9%D9%87", "%D8%A7%DB%8C%D9%86",
  "%D8%A8%D8%A7", "%D8%A8%D8%B1%D8%A7%DB%8C", "%D8%B1%D8%A7", "%DB%8C%DA%A9",
}
local words = {
  "%DA%A9%D8%AA%D8%A7%D8%A8", "%D8%AA%D8%A6%D8%A7%D8%AA%D8%B1", "%D8%A7%D8%B1%D8%AF%D9%88",
  "%D8%AE%D9%88%D8%A7%D8%A8%DA%AF%D8%A7%D9%87", "%D9%85%D9%88%D8%B3%DB%8C%D9%82%DB%8C",
  "%D9%81%DB%8C%D9%84%D9%85", "%D9%88%D8%B1%D8%B2%D8%B4", "%D8%B3%D9%81%D8%B1",
  "%DA%A9%D8%A7%D8%B1%DA%AF%D8%A7%D9%87", "%D9%86%D8%B4%D8%B3%D8%AA", "%D8%AF%D8%A7%D9%86%D8%B4%D8%AC%D9%88",
  "%D8%A7%D8%B3%D8%AA%D8%A7%D8%AF", "%D9%85%D8%B3%D8%AC%D8%AF", "%D9%85%D8%AD%DB%8C%D8%B7",
  "%D8%B2%DB%8C%D8%B3%D8%AA", "%D9%86%D9%82%D8%A7%D8%B4%DB%8C", "%D8%B4%D8%B9%D8%B1",
  "%D8%AF%D8%A7%D8%B3%D8%AA%D8%A7%D9%86", "%D9%85%D8%B3%D8%A7%D8%A8%D9%82%D9%87",
  "%D8%AC%D8%B4%D9%86%D9%88%D8%A7%D8%B1%D9%87", "%D8%B1%D8%B3%D8%A7%D9%86%D9%87",
  "%D8%B3%D9%84%D8%A7%D9%85%D8%AA", "%D9%87%D9%85%DB%8C%D8%A7%D8%B1%DB%8C",
  "%D8%AF%D8%A7%D9%88%D8%B7%D9%84%D8%A8", "%DA%A9%D8%AA%D8%A7%D8%A8%D8%AE%D8%A7%D9%86%D9%87",
  "%D9%85%D8%B7%D8%A7%D9%84%D8%B9%D9%87", "%DA%AF%D9%81%D8%AA%DA%AF%D9%88", "%D9%81%D8%B1%D9%87%D9%86%DA%AF",
  "%D9%87%D9%86%D8%B1", "%D8%AE%D9%88%D8%B4%D9%86%D9%88%DB%8C%D8%B3%DB%8C", "%D8%B9%DA%A9%D8%A7%D8%B3%DB%8C",
  "%D9%85%D8%B3%D8%AA%D9%86%D8%AF", "%D9%86%D9%85%D8%A7%DB%8C%D8%B4", "%D8%B3%DB%8C%D9%86%D9%85%D8%A7",
  "%D8%A8%D8%A7%D8%B4%DA%AF%D8%A7%D9%87", "%D8%A7%D9%86%D8%AC%D9%85%D9%86", "%DA%A9%D8%A7%D9%86%D9%88%D9%86",
  "%D9%86%D8%B4%D8%B1%DB%8C%D9%87", "%D8%B1%D9%88%D8%B2%D9%86%D8%A7%D9%85%D9%87",
  "%D9%BE%D8%A7%D8%AF%DA%A9%D8%B3%D8%AA", "%D9%88%D8%A8%DA%AF%D8%A7%D9%87",
  "%D8%B3%D8%A7%D9%85%D8%A7%D9%86%D9%87", "%D8%A2%D9%85%D9%88%D8%B2%D8%B4", "%D9%85%D9%87%D8%A7%D8%B1%D8%AA",
  "%D8%B2%D9%86%D8%AF%DA%AF%DB%8C", "%D8%AE%D8%A7%D9%86%D9%88%D8%A7%D8%AF%D9%87",
  "%D8%A7%D8%B2%D8%AF%D9%88%D8%A7%D8%AC", "%D8%A7%D8%AE%D9%84%D8%A7%D9%82", "%D8%AF%DB%8C%D9%86",
  "%D9%82%D8%B1%D8%A2%D9%86", "%D9%86%D9%85%D8%A7%D8%B2", "%D8%A7%D8%B9%D8%AA%DA%A9%D8%A7%D9%81",
  "%D8%B2%DB%8C%D8%A7%D8%B1%D8%AA", "%D8%B1%D8%A7%D9%87%DB%8C%D8%A7%D9%86", "%D9%86%D9%88%D8%B1",
  "%D8%AC%D9%87%D8%A7%D8%AF%DB%8C", "%D8%B1%D9%88%D8%B3%D8%AA%D8%A7", "%D9%85%D8%AF%D8%B1%D8%B3%D9%87",
  "%DA%A9%D9%88%D8%AF%DA%A9", "%D8%B3%D8%A7%D9%84%D9%85%D9%86%D8%AF", "%D9%85%D8%B9%D9%84%D9%88%D9%84",
  "%D8%AE%DB%8C%D8%B1%DB%8C%D9%87", "%D8%A7%D9%87%D8%AF%D8%A7%DB%8C", "%D8%AE%D9%88%D9%86",
  "%D8%AF%D8%B1%D8%AE%D8%AA%DA%A9%D8%A7%D8%B1%DB%8C", "%D9%BE%D8%B3%D9%85%D8%A7%D9%86%D8%AF",
  "%D8%A8%D8%A7%D8%B2%DB%8C%D8%A7%D9%81%D8%AA", "%D8%A2%D8%A8", "%D8%A7%D9%86%D8%B1%DA%98%DB%8C",
  "%D8%AF%D9%88%DA%86%D8%B1%D8%AE%D9%87", "%D9%BE%DB%8C%D8%A7%D8%AF%D9%87", "%D8%B1%D9%88%DB%8C",
  "%DA%A9%D9%88%D9%87%D9%86%D9%88%D8%B1%D8%AF%DB%8C", "%D9%81%D9%88%D8%AA%D8%A8%D8%A7%D9%84",
  "%D9%88%D8%A7%D9%84%DB%8C%D8%A8%D8%A7%D9%84", "%D8%B4%D8%B7%D8%B1%D9%86%D8%AC",
  "%D8%AA%D8%BA%D8%B0%DB%8C%D9%87", "%D8%B3%D9%84%D9%81", "%D8%BA%D8%B0%D8%A7",
  "%D8%B5%D8%A8%D8%AD%D8%A7%D9%86%D9%87", "%D8%B1%D9%81%D8%A7%D9%87",
  "%DA%A9%D8%AA%D8%A7%D8%A8%D8%AE%D9%88%D8%A7%D9%86%DB%8C", "%D8%AA%D8%B1%D8%AC%D9%85%D9%87",
  "%D8%B2%D8%A8%D8%A7%D9%86", "%D9%81%D8%A7%D8%B1%D8%B3%DB%8C", "%D8%A7%D8%AF%D8%A8%DB%8C%D8%A7%D8%AA",
  "%D8%AA%D8%A7%D8%B1%DB%8C%D8%AE", "%D9%85%DB%8C%D8%B1%D8%A7%D8%AB", "%D9%85%D9%88%D8%B2%D9%87",
  "%D8%B5%D9%86%D8%A7%DB%8C%D8%B9", "%D8%AF%D8%B3%D8%AA%DB%8C", "%D8%A8%D8%A7%D8%B2%DB%8C",
  "%D8%B1%D8%A7%DB%8C%D8%A7%D9%86%D9%87", "%D9%81%D9%86%D8%A7%D9%88%D8%B1%DB%8C",
  "%D9%86%D9%88%D8%A2%D9%88%D8%B1%DB%8C", "%DA%A9%D8%A7%D8%B1%D8%A2%D9%81%D8%B1%DB%8C%D9%86%DB%8C",
  "%D8%A7%D8%B4%D8%AA%D8%BA%D8%A7%D9%84", "%D9%85%D8%B4%D8%A7%D9%88%D8%B1%D9%87",
  "%D8%B1%D9%88%D8%A7%D9%86%D8%B4%D9%86%D8%A7%D8%B3%DB%8C", "%D8%A2%D8%B1%D8%A7%D9%85%D8%B4",
  "%D8%A7%D8%B3%D8%AA%D8%B1%D8%B3", "%D8%A7%D9%85%D8%AA%D8%AD%D8%A7%D9%86", "%D8%AA%D8%B1%D9%85",
  "%DA%A9%D9%84%D8%A7%D8%B3", "%D8%AF%D8%A7%D9%86%D8%B4%DA%A9%D8%AF%D9%87", "%D9%BE%D8%B1%D8%AF%DB%8C%D8%B3",
  "%D8%A2%D9%85%D9%81%DB%8C", "%D9%86%D9%85%D8%A7%DB%8C%D8%B4%DA%AF%D8%A7%D9%87",
  "%D9%87%D9%85%D8%A7%DB%8C%D8%B4", "%D8%B3%D8%AE%D9%86%D8%B1%D8%A7%D9%86%DB%8C",
  "%D9%85%D9%86%D8%A7%D8%B8%D8%B1%D9%87", "%DA%A9%D8%B1%D8%B3%DB%8C",
  "%D8%A2%D8%B2%D8%A7%D8%AF%D8%A7%D9%86%D8%AF%DB%8C%D8%B4%DB%8C", "%D8%A7%DB%8C%D8%AB%D8%A7%D8%B1",
  "%D8%B4%D9%87%DB%8C%D8%AF", "%D8%AF%D9%81%D8%A7%D8%B9", "%D9%85%D9%82%D8%AF%D8%B3",
  "%D8%A8%D8%B3%DB%8C%D8%AC", "%D9%87%D9%84%D8%A7%D9%84", "%D8%A7%D8%AD%D9%85%D8%B1",
  "%D8%A7%D9%85%D8%AF%D8%A7%D8%AF", "%D8%B2%D9%84%D8%B2%D9%84%D9%87", "%D8%B3%DB%8C%D9%84",
  "%D9%85%D8%AD%D9%84%D9%87", "%D8%B4%D9%87%D8%B1", "%D8%A7%D8%B3%D8%AA%D8%A7%D9%86",
  "%D8%AA%D9%87%D8%B1%D8%A7%D9%86", "%D8%A7%D8%B5%D9%81%D9%87%D8%A7%D9%86", "%D9%85%D8%B4%D9%87%D8%AF",
  "%D8%B4%DB%8C%D8%B1%D8%A7%D8%B2", "%D8%AA%D8%A8%D8%B1%DB%8C%D8%B2", "%DB%8C%D8%B2%D8%AF",
  "%DA%A9%D8%B1%D9%85%D8%A7%D9%86", "%DA%AF%DB%8C%D9%84%D8%A7%D9%86", "%D8%AE%D8%B1%D8%A7%D8%B3%D8%A7%D9%86",
}

local function sentence(count)
  local parts = {}
  for i = 1, count do
    if math.random() < 0.3 then parts[i] = stopWords[math.random(#stopWords)] else parts[i] = words[math.random(#words)] end
  end
  return table.concat(parts, "+") .. "+" .. math.random(1, 1000000000)
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

request = function()
  local body = "title=" .. sentence(4) .. "&summary=" .. sentence(10) .. "&problem=" .. sentence(10) ..
    "&proposal=" .. sentence(10) .. "&expectedImpact=" .. sentence(6) .. "&category=cultural"
  return wrk.format("POST", "/forms/idea", {
    ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
