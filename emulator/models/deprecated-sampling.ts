// Newer Claude models (Opus 4.7 and later, Sonnet 5) refuse sampling settings as deprecated, on every route.
import { fail } from '../server/api-error';
import type { JsonObject } from '../server/json-guards';

/** Anthropic's 400 for a set sampling setting; their defaults (temperature and top_p of 1) pass (assumed). */
export function checkDeprecatedSampling(body: JsonObject, settings: readonly string[]): void {
  for (const setting of settings) {
    const value = body[setting];
    if (value === undefined || value === null || (setting !== 'top_k' && value === 1)) continue;
    fail(`\`${setting}\` is deprecated for this model.`, { param: setting });
  }
}
