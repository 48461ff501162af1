import { Writable } from "node:stream";
import { expect, it } from "vitest";
import { createLogger } from "./logger.js";

it("writes JSON lines with secrets, tokens, auth headers and guest contact data redacted", () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  const logger = createLogger({ level: "debug", destination });
  logger.info(
    {
      secretKey: "s3cret",
      token: "eyJhbGciOi",
      req: { headers: { authorization: "Bearer abc123", "x-api-key": "k-1" } },
      guest: { email: "guest@example.com", phone: "+1 555 0100", guest_email: "x@example.com" },
      email: "top@example.com",
      booking_id: 42,
    },
    "something happened",
  );
  const text = lines.join("");
  for (const secret of [
    "s3cret",
    "eyJhbGciOi",
    "abc123",
    "k-1",
    "guest@example.com",
    "+1 555 0100",
    "top@example.com",
  ]) {
    expect(text).not.toContain(secret);
  }
  const line = JSON.parse(text);
  expect(line).toMatchObject({
    msg: "something happened",
    booking_id: 42,
    secretKey: "[redacted]",
    name: "hostaway-mcp",
  });
});
