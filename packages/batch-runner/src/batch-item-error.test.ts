import { describeError } from "@hostaway-mcp/hostaway-client";
import { describe, expect, it } from "vitest";
import { BatchItemError } from "./batch-item-error.js";

describe("BatchItemError", () => {
  it("is recognised across copies of the package, and described with its own type and words", () => {
    const error = new BatchItemError("not_found", "no listing with id 9 among the account's 36 listings");
    expect(BatchItemError.isInstance(error)).toBe(true);
    expect(BatchItemError.isInstance({ [Symbol.for("hostaway-mcp.batch-item-error")]: true })).toBe(true);
    expect(BatchItemError.isInstance(new Error("x"))).toBe(false);
    expect(BatchItemError.isInstance(null)).toBe(false);
    expect(describeError(error)).toMatchObject({
      error_type: "not_found",
      message: "no listing with id 9 among the account's 36 listings",
    });
  });
});
