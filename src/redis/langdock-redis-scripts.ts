// The store's four steps as Lua, each run by Redis as one atomic script. Times come from Redis's own TIME
// (and key expiry), so every process and machine sharing the store reads one clock.
//
// Per bucket: `log`, a sorted set with one member per request sent in the last two windows (the second for
// reconcile), scored by the millisecond Redis granted it: `<id>:<tokens>` while the call runs (its reservation),
// `<id>:s:<tokens>` once settled to its real usage, and `<id>:r<requests>:<tokens>` for usage Langdock reported
// that no request here accounts for (the token count always last); and `block`, a key that exists while a 429
// holds the bucket, expiring when the block ends. Both expire on their own, so an idle bucket leaves nothing behind.

/** One of the store's scripts: run by its SHA-1 (EVALSHA), sent whole when Redis does not know it yet. */
export interface LangdockRedisScript {
  readonly name: 'acquire' | 'settle' | 'block' | 'reconcile';
  readonly source: string;
}

/**
 * KEYS: log, block. ARGV: tokens, requests per window, tokens per window, window (ms), a new id.
 * Returns {1, lease} when granted (recorded as `<id>:<tokens>`, pending until settled), else {0, wait in ms,
 * 'requests' | 'tokens' | 'blocked', least wait in ms, tokens free now (-1 when blocked)}. The waits follow
 * langdockWindowWait: until the request that must leave has left, whichever limit binds longer; the least wait
 * counts pending reservations as nothing, the soonest their settling can make room.
 */
export const acquireScript: LangdockRedisScript = {
  name: 'acquire',
  source: `
if redis.replicate_commands then redis.replicate_commands() end
local tokens = tonumber(ARGV[1])
local maxRequests = tonumber(ARGV[2])
local maxTokens = tonumber(ARGV[3])
local window = tonumber(ARGV[4])
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return {0, blocked, 'blocked', blocked, -1} end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 2 * window)
local log = redis.call('ZRANGEBYSCORE', KEYS[1], string.format('(%d', now - window), '+inf', 'WITHSCORES')
local count = #log / 2
local entryTokens, entryRequests, pending = {}, {}, {}
local requests, used, settled = 0, 0, 0
for i = 1, count do
  local member = log[2 * i - 1]
  local reported = string.match(member, ':r(%d+):%d+$')
  entryTokens[i] = tonumber(string.match(member, ':(%d+)$'))
  entryRequests[i] = tonumber(reported or 1)
  pending[i] = reported == nil and string.match(member, ':s:%d+$') == nil
  requests = requests + entryRequests[i]
  used = used + entryTokens[i]
  if not pending[i] then settled = settled + entryTokens[i] end
end
local free = math.max(0, maxTokens - used)
local function leaving(i) return math.max(1, tonumber(log[2 * i]) + window - now) end
local requestWait = 0
local i = 1
while requests + 1 > maxRequests and i <= count do
  requests = requests - entryRequests[i]
  requestWait = leaving(i)
  i = i + 1
end
local tokenWait = 0
i = 1
while used + tokens > maxTokens and i <= count do
  used = used - entryTokens[i]
  tokenWait = leaving(i)
  i = i + 1
end
local settledWait = 0
i = 1
while settled + tokens > maxTokens and i <= count do
  if not pending[i] then
    settled = settled - entryTokens[i]
    settledWait = leaving(i)
  end
  i = i + 1
end
if requestWait == 0 and tokenWait == 0 then
  local lease = ARGV[5] .. ':' .. ARGV[1]
  redis.call('ZADD', KEYS[1], now, lease)
  redis.call('PEXPIRE', KEYS[1], 2 * window)
  return {1, lease}
end
local least = math.max(requestWait, settledWait)
if requestWait >= tokenWait then return {0, requestWait, 'requests', least, free} end
return {0, tokenWait, 'tokens', least, free}
`,
};

/**
 * KEYS: log. ARGV: lease, real tokens. The entry keeps its time and takes the real count, as `<id>:s:<tokens>`
 * (settled); an entry that has left the window already is left alone. The new member goes in before the old one
 * leaves, so the set is never empty in between (which would drop its expiry).
 */
export const settleScript: LangdockRedisScript = {
  name: 'settle',
  source: `
local at = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not at then return 0 end
redis.call('ZADD', KEYS[1], at, string.match(ARGV[1], '^[^:]*') .. ':s:' .. ARGV[2])
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
`,
};

/** KEYS: block. ARGV: ms. Blocks for `ms` from now, unless a longer block is already running. */
export const blockScript: LangdockRedisScript = {
  name: 'block',
  source: `
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1
`,
};

/**
 * KEYS: log. ARGV: lease, requests and tokens Langdock's window held when it answered the lease's request (-1:
 * not reported), window (ms), a new id. Follows langdockUnseenUsage: counts every entry since a window before the
 * lease (all sent before the answer came); records what Langdock counted beyond that as
 * `<id>:r<requests>:<tokens>` at the lease's time. Nothing when the lease has left the log.
 */
export const reconcileScript: LangdockRedisScript = {
  name: 'reconcile',
  source: `
local id = string.match(ARGV[1], '^[^:]*') .. ':'
local log = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local at
for i = 1, #log, 2 do
  if string.sub(log[i], 1, #id) == id then
    at = tonumber(log[i + 1])
    break
  end
end
if not at then return 0 end
local window = tonumber(ARGV[4])
local requests, tokens = 0, 0
for i = 1, #log, 2 do
  local score = tonumber(log[i + 1])
  local reported = string.match(log[i], ':r(%d+):%d+$')
  if score > at - window then
    requests = requests + tonumber(reported or 1)
    tokens = tokens + tonumber(string.match(log[i], ':(%d+)$'))
  end
end
local unseenRequests, unseenTokens = 0, 0
if tonumber(ARGV[2]) >= 0 then unseenRequests = math.max(0, tonumber(ARGV[2]) - requests) end
if tonumber(ARGV[3]) >= 0 then unseenTokens = math.max(0, tonumber(ARGV[3]) - tokens) end
if unseenRequests == 0 and unseenTokens == 0 then return 0 end
redis.call('ZADD', KEYS[1], at, string.format('%s:r%d:%d', ARGV[5], unseenRequests, unseenTokens))
return 1
`,
};
