import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sandbox, startSandbox } from "../src/index.js";
import { SandboxClient } from "./support/sandbox-client.js";

let sandbox: Sandbox;
let client: SandboxClient;

beforeAll(async () => {
  sandbox = await startSandbox({ rateLimits: false });
  client = new SandboxClient(sandbox);
  await client.authenticate();
});
afterAll(() => sandbox.close());

describe("envelopes and lookups", () => {
  it("serves the url on loopback under /v1", () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it("envelopes lists with the full pagination set, count being the total", async () => {
    const response = await client.get("/listings?limit=10&offset=10");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: "success",
      limit: 10,
      offset: 10,
      count: 36,
      page: 2,
      totalPages: 4,
    });
    expect(response.body.result).toHaveLength(10);
  });

  it("envelopes single objects", async () => {
    const id = sandbox.fixtures.listingIds[0];
    const response = await client.get(`/listings/${id}`);
    expect(response.body).toMatchObject({
      status: "success",
      limit: null,
      offset: null,
      count: 1,
      page: 1,
      totalPages: 1,
    });
    expect(response.body.result.id).toBe(id);
  });

  it("answers unknown ids with 404 and a fail body", async () => {
    const { unknownBookingId, unknownListingId } = sandbox.fixtures;
    const booking = await client.get(`/reservations/${unknownBookingId}`);
    expect(booking.status).toBe(404);
    expect(booking.body).toEqual({ status: "fail", result: `Reservation ${unknownBookingId} not found` });
    const listing = await client.get(`/listings/${unknownListingId}`);
    expect(listing.status).toBe(404);
    expect(listing.body.result).toMatch(/not found$/);
  });

  it("answers a malformed path escape like an unknown id", async () => {
    const response = await client.get("/listings/%E0%A4%A");
    expect(response.status).toBe(404);
    expect(response.body.result).toBe("Listing %E0%A4%A not found");
  });

  it("answers unknown routes with 404 and a fail body", async () => {
    const response = await client.get("/nothing/here");
    expect(response.status).toBe(404);
    expect(response.body.status).toBe("fail");
  });
});
