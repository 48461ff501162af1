import { afterEach, describe, expect, it } from "vitest";
import { type Sandbox, type SandboxOptions, startSandbox } from "../src/index.js";
import { readExample } from "./support/examples.js";
import { SandboxClient } from "./support/sandbox-client.js";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: SandboxOptions = {}): Promise<SandboxClient> {
  sandbox = await startSandbox({ rateLimits: false, ...options });
  const client = new SandboxClient(sandbox);
  await client.authenticate();
  return client;
}

describe("POST /v1/finance/report/consolidated", () => {
  it("has the documented JSON shape: columns, positional rows with string ids, totals, currency", async () => {
    const client = await start();
    const listingId = sandbox?.fixtures.listingIds[0];
    const response = await client.post(
      "/finance/report/consolidated",
      `format=json&listingMapIds[]=${listingId}&fromDate=2026-06-01&toDate=2026-12-31&dateType=arrivalDate`,
    );
    expect(response.status).toBe(200);
    const example = readExample("financial.report.consolidated.response.json");
    expect(Object.keys(response.body)).toEqual(expect.arrayContaining(["status", "result"]));
    expect(response.body.result.columns).toEqual(example.result.columns);
    const { rows, totals, currency } = response.body.result;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(example.result.columns.length);
      expect(typeof row[0]).toBe("string");
      expect(row[3] >= "2026-06-01" && row[3] <= "2026-12-31").toBe(true);
    }
    expect(totals).toHaveLength(example.result.columns.length);
    expect(totals[0]).toBe("Totals");
    const accommodation = example.result.columns.findIndex(
      (c: { name: string }) => c.name === "accommodationFee",
    );
    const sum = rows.reduce((total: number, row: number[]) => total + (row[accommodation] ?? 0), 0);
    expect(totals[accommodation]).toBeCloseTo(sum, 2);
    const listing = sandbox?.data.listings.find((l) => l.id === listingId);
    expect(currency).toBe(listing?.currencyCode);
  });

  it("computes rows from the dataset: ids match the bookings of the listing and range", async () => {
    const client = await start();
    const listingId = sandbox?.fixtures.listingIds[2] as number;
    const response = await client.post(
      "/finance/report/consolidated",
      `format=json&listingMapIds[]=${listingId}&fromDate=2026-01-01&toDate=2027-12-31&statuses[]=new&statuses[]=modified`,
    );
    const expected = (sandbox?.data.reservations ?? [])
      .filter((r) => r.listingMapId === listingId && (r.status === "new" || r.status === "modified"))
      .map((r) => String(r.id))
      .sort();
    expect(response.body.result.rows.map((row: string[]) => row[0]).sort()).toEqual(expected);
    const booking = sandbox?.data.reservations.find((r) => String(r.id) === response.body.result.rows[0][0]);
    const subTotal = response.body.result.rows[0].at(-1);
    expect(subTotal).toBeCloseTo((booking?.totalPrice ?? 0) - (booking?.taxAmount ?? 0), 2);
  });

  it("converts mixed currencies to USD, sorts on request and can answer CSV", async () => {
    const client = await start();
    const mixed = await client.post(
      "/finance/report/consolidated",
      "format=json&fromDate=2026-11-01&toDate=2026-11-30&sortBy=arrivalDate&sortOrder=desc",
    );
    expect(mixed.body.result.currency).toBe("USD");
    const arrivals = mixed.body.result.rows.map((row: string[]) => row[3]);
    expect(arrivals).toEqual([...arrivals].sort().reverse());
    const csv = await client.post(
      "/finance/report/consolidated",
      "format=csv&fromDate=2026-11-01&toDate=2026-11-30&delimiter=tab",
    );
    expect(csv.status).toBe(200);
    expect(typeof csv.body).toBe("string");
    const lines = String(csv.body).trim().split("\n");
    expect(lines[0]?.split("\t")[0]).toBe("Reservation ID");
    expect(lines.at(-1)?.startsWith("Totals")).toBe(true);
    expect(lines).toHaveLength(mixed.body.result.rows.length + 2);
  });

  it("answers 400 for a missing format or bad fields", async () => {
    const client = await start();
    for (const [form, message] of [
      ["fromDate=2026-01-01", /"format" is required/],
      ["format=xml", /"format"/],
      ["format=json&listingMapIds[]=abc", /listingMapIds/],
      ["format=json&fromDate=2026-02-01&toDate=2026-01-01", /"toDate"/],
      ["format=json&sortBy=price", /"sortBy"/],
    ] as const) {
      const response = await client.post("/finance/report/consolidated", form);
      expect(response.status, form).toBe(400);
      expect(response.body.result).toMatch(message);
    }
  });

  it.each([
    ["forbidden", 403],
    ["not_found", 404],
  ] as const)(
    "answers %s with HTTP %i and a fail body when the feature is off",
    async (financeReporting, status) => {
      const client = await start({ financeReporting });
      for (const path of ["/finance/report/consolidated", "/finance/report/listingFinancials"]) {
        const response = await client.post(path, "format=json");
        expect(response.status).toBe(status);
        expect(response.body.status).toBe("fail");
      }
    },
  );
});

describe("POST /v1/finance/report/listingFinancials", () => {
  it("has the documented columns and one row per listing", async () => {
    const client = await start();
    const ids = sandbox?.fixtures.listingIds.slice(0, 3) ?? [];
    const response = await client.post(
      "/finance/report/listingFinancials",
      `format=json&dateType=departureDate&fromDate=2026-01-01&toDate=2026-12-31&${ids.map((id) => `listingMapIds[]=${id}`).join("&")}`,
    );
    const example = readExample("financial.report.listingFinancials.response.json");
    expect(response.body.result.columns).toEqual(example.result.columns);
    const names = ids.map((id) => sandbox?.data.listings.find((l) => l.id === id)?.name);
    expect(response.body.result.rows.map((row: string[]) => row[0])).toEqual(names);
    expect(response.body.result.totals[0]).toBe("Totals");
    expect(response.body.result.rows[0]).toHaveLength(example.result.columns.length);
  });
});
