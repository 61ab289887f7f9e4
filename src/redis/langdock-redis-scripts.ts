// The store's three steps as Lua, each run by Redis as one atomic script. Times come from Redis's own TIME
// (and key expiry), so every process and machine sharing the store reads one clock.
//
// Per bucket: `log`, a sorted set with one member per request sent in the window, scored by the millisecond
// Redis granted it: `<id>:<tokens>` while the call runs (its reservation), `<id>:s:<tokens>` once settled to its
// real usage (the token count always last); and `block`, a key that exists while a 429 holds the bucket, expiring when
// the block ends. Both expire on their own, so an idle bucket leaves nothing behind.

/** One of the store's scripts: run by its SHA-1 (EVALSHA), sent whole when Redis does not know it yet. */
export interface LangdockRedisScript {
  readonly name: 'acquire' | 'settle' | 'block';
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
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local log = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local count = #log / 2
local entryTokens, pending = {}, {}
local used, settled = 0, 0
for i = 1, count do
  local member = log[2 * i - 1]
  entryTokens[i] = tonumber(string.match(member, ':(%d+)$'))
  pending[i] = string.match(member, ':s:%d+$') == nil
  used = used + entryTokens[i]
  if not pending[i] then settled = settled + entryTokens[i] end
end
local free = math.max(0, maxTokens - used)
local function leaving(i) return math.max(1, tonumber(log[2 * i]) + window - now) end
local requestWait = 0
if count >= maxRequests then requestWait = leaving(count - maxRequests + 1) end
local tokenWait = 0
local i = 1
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
  redis.call('PEXPIRE', KEYS[1], window)
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
