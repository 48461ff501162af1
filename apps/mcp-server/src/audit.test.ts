import { expect, it } from "vitest";
import { callerFromApiKey, createAuditLog } from "./audit.js";

it("writes one JSON line per access with the documented fields only", () => {
  const lines: string[] = [];
  const audit = createAuditLog(
    { write: (line: string) => lines.push(line) },
    () => new Date("2026-11-20T12:00:00Z"),
  );
  audit.record({ tool: "hostaway_get_guest_info", bookingId: 7, caller: "stdio", outcome: "success" });
  expect(lines).toEqual([
    '{"audit":true,"tool":"hostaway_get_guest_info","booking_id":7,"caller":"stdio","time":"2026-11-20T12:00:00.000Z","outcome":"success"}\n',
  ]);
});

it("identifies an HTTP caller by a short hash of its key, never the key", () => {
  const caller = callerFromApiKey("my-very-secret-key");
  expect(caller).toMatch(/^key:[0-9a-f]{12}$/);
  expect(caller).not.toContain("secret");
  expect(callerFromApiKey("my-very-secret-key")).toBe(caller);
  expect(callerFromApiKey("another-key")).not.toBe(caller);
});
