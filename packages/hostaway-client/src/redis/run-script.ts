import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

const shas = new Map<string, string>();

/** Runs a Lua script by its SHA1 (`EVALSHA`), loading it once with `EVAL` when Redis does not know it yet. */
export async function runScript(
  redis: Redis,
  script: string,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  let sha = shas.get(script);
  if (sha === undefined) {
    sha = createHash("sha1").update(script).digest("hex");
    shas.set(script, sha);
  }
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (error) {
    // A restarted Redis has forgotten every script.
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return redis.eval(script, keys.length, ...keys, ...args);
  }
}
