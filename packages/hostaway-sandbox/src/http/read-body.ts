import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error.js";

const MAX_BODY_BYTES = 1_000_000;

/** Reads a request body (small: forms and JSON), refusing anything over 1 MB. */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, `Request body too large (limit ${MAX_BODY_BYTES} bytes)`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Form fields of a body. Hostaway's token and finance endpoints take `application/x-www-form-urlencoded`
 * (REFERENCE.md §2, §6.5); a JSON object is accepted too (arrays become `name[]` fields).
 */
export function formFields(body: string, contentType: string | undefined): URLSearchParams {
  if (body.trim() === "") return new URLSearchParams();
  if (contentType?.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new HttpError(400, "The request body is not valid JSON");
    }
    const fields = new URLSearchParams();
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      for (const [key, value] of Object.entries(parsed)) {
        if (Array.isArray(value)) for (const item of value) fields.append(`${key}[]`, String(item));
        else if (value !== null && value !== undefined) fields.append(key, String(value));
      }
    }
    return fields;
  }
  return new URLSearchParams(body);
}
