import { describe, expect, it, vi } from "vitest";
import { HostawayAuthError } from "./errors.js";
import { warmUpToken } from "./warm-up.js";

function spyLogger() {
  return { info: vi.fn(), warn: vi.fn() };
}

describe("warmUpToken", () => {
  it("authenticates once and says so", async () => {
    const authenticate = vi.fn().mockResolvedValue(undefined);
    const logger = spyLogger();
    await warmUpToken({ authenticate }, { logger, signal: new AbortController().signal });
    expect(authenticate).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith(expect.stringContaining("token obtained"));
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it("logs a failure once with its type, without rejecting", async () => {
    const failure = new HostawayAuthError({
      method: "POST",
      path: "/accessTokens",
      detail: "rejected the credentials",
      status: 401,
    });
    const logger = spyLogger();
    await expect(
      warmUpToken(
        { authenticate: vi.fn().mockRejectedValue(failure) },
        { logger, signal: new AbortController().signal },
      ),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]?.[0]).toMatchObject({ errorType: "unauthorized" });
    expect(logger.warn.mock.calls[0]?.[1]).toContain("still serving");
  });

  it("labels an unknown failure internal_error", async () => {
    const logger = spyLogger();
    await warmUpToken(
      { authenticate: vi.fn().mockRejectedValue(new Error("boom")) },
      { logger, signal: new AbortController().signal },
    );
    expect(logger.warn.mock.calls[0]?.[0]).toMatchObject({ errorType: "internal_error" });
    expect(logger.warn.mock.calls[0]?.[1]).toContain("unexpected error");
  });

  it("stays quiet when shutdown aborted it", async () => {
    const controller = new AbortController();
    controller.abort();
    const logger = spyLogger();
    await warmUpToken(
      { authenticate: vi.fn().mockRejectedValue(new Error("aborted")) },
      { logger, signal: controller.signal },
    );
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.info).not.toHaveBeenCalled();
  });
});
