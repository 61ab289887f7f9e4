// langdock-ai-provider/redis: the rate limiter's store in Redis, shared by many processes and machines. Takes
// the app's own node-redis or ioredis client (optional peers); the other entries never load this one.
export {
  createLangdockRedisStore,
  LANGDOCK_REDIS_DEFAULT_PREFIX,
  LANGDOCK_REDIS_DEFAULT_RECHECK_MS,
} from './langdock-redis-store';
export type { LangdockRedisStoreOptions } from './langdock-redis-store';
export type {
  LangdockIORedisClient,
  LangdockNodeRedisClient,
  LangdockRedisClient,
} from './langdock-redis-client';
export type {
  LangdockRateLimitBinding,
  LangdockRateLimitDecision,
  LangdockRateLimitReport,
  LangdockRateLimits,
  LangdockRateLimitStore,
} from '../core/rate-limit/langdock-rate-limit';
