import { z } from "zod";

/** Cursors longer than this are not ours; refuse them before decoding. */
const MAX_CURSOR_LENGTH = 2000;

function invalidCursor(cursor: string, reason: string): z.ZodError {
  return new z.ZodError([
    {
      code: "custom",
      path: ["cursor"],
      message: `cursor is not a valid next_cursor (${reason}); pass the next_cursor of the previous page, or omit cursor to start over`,
      input: cursor.length > 100 ? `${cursor.slice(0, 100)}…` : cursor,
    },
  ]);
}

/**
 * Encodes paging state as an opaque cursor: base64url of its JSON. Opaque to callers, not secret: never put a
 * token or guest contact data in it.
 */
export function encodeCursor(state: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(state), "utf8").toString("base64url");
}

/**
 * Decodes a cursor made by `encodeCursor`. With a schema, the state is also validated. A malformed cursor throws a
 * `ZodError` whose single issue has the path `["cursor"]`, so callers report it like any other bad input field.
 */
export function decodeCursor(cursor: string): Record<string, unknown>;
export function decodeCursor<Schema extends z.ZodType>(cursor: string, schema: Schema): z.infer<Schema>;
export function decodeCursor(cursor: string, schema?: z.ZodType): unknown {
  if (typeof cursor !== "string" || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) {
    throw invalidCursor(String(cursor), "wrong length");
  }
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor(cursor, "not base64url text");
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor(cursor, "not readable");
  }
  if (state === null || typeof state !== "object" || Array.isArray(state)) {
    throw invalidCursor(cursor, "not paging state");
  }
  if (schema === undefined) return state;
  const parsed = schema.safeParse(state);
  if (!parsed.success) throw invalidCursor(cursor, "it belongs to another query or version");
  return parsed.data;
}
