import {
  type HostawayFinanceReport,
  HostawayFinanceReportSchema,
  type HostawayReservation,
} from "@hostaway-mcp/domain-models";
import nock from "nock";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { envelope, fixture, mockToken, ORIGIN, reservation, testClient } from "../../test/helpers.js";
import { aReservation, fakeReservations } from "../../test/query-fakes.js";
import { HostawayAuthError, HostawayNotFoundError, HostawayUpstreamError } from "../errors.js";
import type { FinanceReportQuery } from "../resources/finance.js";
import type { RequestOptions } from "../transport.js";
import { FINANCE_OFF_MEMORY_MS } from "./finance-reporting-memory.js";
import { FALLBACK_MAX_PAGES, FALLBACK_PAGE_SIZE, getFinancialReport } from "./get-financial-report.js";
import type { QueryProgress } from "./query-options.js";

const consolidated = (): HostawayFinanceReport =>
  HostawayFinanceReportSchema.parse(
    fixture<{ result: unknown }>("financial.report.consolidated.response.json").result,
  );

/** A report with `count` rows: the docs' first row repeated under new ids. */
function reportWithRows(count: number): HostawayFinanceReport {
  const report = consolidated();
  const [first] = report.rows as unknown[][];
  return {
    ...report,
    rows: Array.from({ length: count }, (_, index) => [String(700000 + index), ...(first ?? []).slice(1)]),
  };
}

const financeRefused = {
  forbidden: () =>
    new HostawayAuthError({
      method: "POST",
      path: "/finance/report/consolidated",
      status: 403,
      detail: "forbidden",
    }),
  notFound: () =>
    new HostawayNotFoundError({
      method: "POST",
      path: "/finance/report/consolidated",
      status: 404,
      detail: "not found",
    }),
};

function fakeAccount(
  finance: (query: FinanceReportQuery) => HostawayFinanceReport | Error,
  all: readonly HostawayReservation[] = [],
  pageCap?: number,
) {
  const financeCalls: Array<{ query: FinanceReportQuery; options: RequestOptions | undefined }> = [];
  const reservations = fakeReservations(all, pageCap === undefined ? {} : { pageCap });
  return {
    financeCalls,
    reservationCalls: reservations.calls,
    finance: {
      async consolidated(query: FinanceReportQuery, options?: RequestOptions) {
        financeCalls.push({ query, options });
        const answer = finance(query);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
    reservations: reservations.reservations,
  };
}

const december = { start_date: "2026-12-01", end_date: "2026-12-31", date_type: "arrivalDate" as const };

describe("getFinancialReport from Hostaway's consolidated report (REFERENCE.md §6.5)", () => {
  it("passes the range, date type and listings, and maps the report", async () => {
    const account = fakeAccount(() => consolidated());
    const signal = new AbortController().signal;
    const report = await getFinancialReport(
      account,
      { ...december, listing_ids: [40160, 40161] },
      { signal },
    );
    expect(account.financeCalls).toEqual([
      {
        query: {
          fromDate: "2026-12-01",
          toDate: "2026-12-31",
          dateType: "arrivalDate",
          listingMapIds: [40160, 40161],
        },
        options: { signal },
      },
    ]);
    expect(report).toMatchObject({
      data_source: "hostaway_finance_report",
      start_date: "2026-12-01",
      end_date: "2026-12-31",
      date_type: "arrivalDate",
      listing_ids: [40160, 40161],
    });
    expect(report.rows.map((row) => row.id)).toEqual([755143, expect.any(Number)]);
    expect(account.reservationCalls).toHaveLength(0);
  });

  it("asks for every listing when none or an empty list is given", async () => {
    const account = fakeAccount(() => consolidated());
    await getFinancialReport(account, december);
    await getFinancialReport(account, { ...december, listing_ids: [] });
    for (const call of account.financeCalls) expect(call.query.listingMapIds).toBeUndefined();
  });

  it("leaves trailing rows out to fit the budget, keeps the totals and says so", async () => {
    const account = fakeAccount(() => reportWithRows(40));
    const full = await getFinancialReport(account, december);
    const budget = 6_000;
    const cut = await getFinancialReport(account, december, { responseBudget: budget });
    expect(JSON.stringify(cut).length).toBeLessThanOrEqual(budget);
    expect(cut.rows.length).toBeGreaterThan(0);
    expect(cut.rows).toEqual(full.rows.slice(0, cut.rows.length));
    expect(cut.totals).toEqual(full.totals);
    expect(cut.note).toBe(
      `Showing the first ${cut.rows.length} of 40 rows to stay under ${budget} characters; totals cover every ` +
        "row. Narrow the date range or listing_ids to see the others.",
    );
    expect(await getFinancialReport(account, december, { responseBudget: 1_000_000 })).toEqual(full);
  });
});

describe("getFinancialReport when the account's financial reporting is off", () => {
  const account = Array.from({ length: 30 }, (_, index) =>
    aReservation(8000 + index, {
      arrivalDate: `2026-12-${String((index % 28) + 1).padStart(2, "0")}`,
      departureDate: "2027-01-02",
      status: index % 10 === 0 ? "cancelled" : "new",
      totalPrice: 100,
      currency: "EUR",
    }),
  );

  it.each([
    ["a 403 (unauthorized after re-authenticating)", financeRefused.forbidden],
    ["a 404", financeRefused.notFound],
  ])("sums the reservations instead after %s, over the arrival filter", async (_why, refusal) => {
    const fake = fakeAccount(refusal, account);
    const progress: QueryProgress[] = [];
    const report = await getFinancialReport(fake, december, {
      onProgress: (update) => progress.push(update),
    });
    expect(report.data_source).toBe("calculated_from_reservations");
    expect(report.rows.map((row) => row.id).sort()).toEqual(
      account
        .filter((r) => r.status !== "cancelled")
        .map((r) => r.id)
        .sort(),
    );
    expect(report.totals?.totalPrice).toBe(27 * 100);
    expect(fake.reservationCalls.map((call) => call.query)).toEqual([
      {
        arrivalStartDate: "2026-12-01",
        arrivalEndDate: "2026-12-31",
        limit: FALLBACK_PAGE_SIZE,
        afterId: undefined,
      },
    ]);
    expect(progress).toEqual([{ done: 30, total: 30, message: "read 30 reservations" }]);
  });

  it("uses the departure filter for departure reports, none for reservation-date reports, and one listing's filter", async () => {
    const fake = fakeAccount(financeRefused.forbidden, account);
    await getFinancialReport(fake, { ...december, date_type: "departureDate", listing_ids: [40160] });
    await getFinancialReport(fake, { ...december, date_type: "reservationDate", listing_ids: [1, 2] });
    expect(fake.reservationCalls.map((call) => call.query)).toEqual([
      {
        departureStartDate: "2026-12-01",
        departureEndDate: "2026-12-31",
        listingId: 40160,
        limit: FALLBACK_PAGE_SIZE,
        afterId: undefined,
      },
      { limit: FALLBACK_PAGE_SIZE, afterId: undefined },
    ]);
  });

  it("reads page after page by afterId when Hostaway clamps pages (REFERENCE.md §11)", async () => {
    const fake = fakeAccount(financeRefused.notFound, account, 8);
    const report = await getFinancialReport(fake, december);
    expect(fake.reservationCalls.map((call) => call.query.afterId)).toEqual([undefined, 8007, 8015, 8023]);
    expect(report.rows).toHaveLength(27);
    expect(report.note).not.toMatch(/incomplete/);
  });

  it("stops at its reading cap and says the figures are incomplete", async () => {
    const endless = Array.from({ length: FALLBACK_MAX_PAGES * 3 + 5 }, (_, index) =>
      aReservation(100 + index, { arrivalDate: "2026-12-05", status: "new" }),
    );
    const fake = fakeAccount(financeRefused.forbidden, endless, 3);
    const report = await getFinancialReport(fake, december);
    expect(fake.reservationCalls).toHaveLength(FALLBACK_MAX_PAGES);
    expect(report.note).toMatch(
      new RegExp(
        `Only the first ${FALLBACK_MAX_PAGES * 3} reservations were read \\(${FALLBACK_MAX_PAGES} pages\\); the figures are incomplete`,
      ),
    );
  });

  it.each([
    ["403", financeRefused.forbidden],
    ["404", financeRefused.notFound],
  ])(
    "remembers a %s refusal for this client: the next reports ask Hostaway's finance report no more",
    async (_status, refusal) => {
      const fake = fakeAccount(refusal, account);
      const first = await getFinancialReport(fake, december);
      const second = await getFinancialReport(fake, { ...december, date_type: "departureDate" });
      expect(fake.financeCalls).toHaveLength(1);
      expect(second.data_source).toBe("calculated_from_reservations");
      expect(first.rows.length).toBeGreaterThan(0);
      expect(fake.reservationCalls).toHaveLength(2);
      // Another client (another account, or the same one re-created) is asked afresh.
      const other = fakeAccount(refusal, account);
      await getFinancialReport(other, december);
      expect(other.financeCalls).toHaveLength(1);
    },
  );

  it("asks Hostaway again once the memory of a refusal has expired (the feature may have been switched on)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.UTC(2026, 11, 1, 12));
      let reportingOn = false;
      const fake = fakeAccount(() => (reportingOn ? consolidated() : financeRefused.forbidden()), account);
      await getFinancialReport(fake, december);
      vi.setSystemTime(Date.now() + FINANCE_OFF_MEMORY_MS - 1);
      await getFinancialReport(fake, december);
      expect(fake.financeCalls).toHaveLength(1);
      reportingOn = true;
      vi.setSystemTime(Date.now() + 1);
      const report = await getFinancialReport(fake, december);
      expect(fake.financeCalls).toHaveLength(2);
      expect(report.data_source).toBe("hostaway_finance_report");
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not remember a finance outage: the next report asks again", async () => {
    const outage = new HostawayUpstreamError({
      method: "POST",
      path: "/finance/report/consolidated",
      status: 503,
      detail: "unavailable",
    });
    const fake = fakeAccount(() => outage, account);
    await expect(getFinancialReport(fake, december)).rejects.toBe(outage);
    await expect(getFinancialReport(fake, december)).rejects.toBe(outage);
    expect(fake.financeCalls).toHaveLength(2);
  });

  it("does not mask a credential failure outside the finance endpoint, nor a finance outage", async () => {
    const tokenRefused = new HostawayAuthError({
      method: "POST",
      path: "/accessTokens",
      status: 403,
      detail: "no",
    });
    await expect(
      getFinancialReport(
        fakeAccount(() => tokenRefused, account),
        december,
      ),
    ).rejects.toBe(tokenRefused);
    const outage = new HostawayUpstreamError({
      method: "POST",
      path: "/finance/report/consolidated",
      status: 503,
      detail: "unavailable",
    });
    const fake = fakeAccount(() => outage, account);
    await expect(getFinancialReport(fake, december)).rejects.toBe(outage);
    expect(fake.reservationCalls).toHaveLength(0);
  });
});

describe("getFinancialReport over HTTP", () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
  });

  it("re-authenticates once on the finance 403, then falls back to the reservations (REFERENCE.md §2, §6.5)", async () => {
    const { client } = testClient({ retry: { maxAttempts: 1 } });
    mockToken("first");
    mockToken("second");
    const finance = nock(ORIGIN)
      .post("/v1/finance/report/consolidated")
      .times(2)
      .reply(403, { status: "fail", result: "Financial reporting is not enabled" });
    const reservations = nock(ORIGIN)
      .get("/v1/reservations")
      .query({ arrivalStartDate: "2026-12-01", arrivalEndDate: "2026-12-31", limit: "100" })
      .reply(
        200,
        envelope([reservation(21, { arrivalDate: "2026-12-03", totalPrice: 250 })], { count: 1, limit: 100 }),
      );
    const report = await getFinancialReport(client, december);
    expect(report.data_source).toBe("calculated_from_reservations");
    expect(report.rows.map((row) => row.id)).toEqual([21]);
    expect(finance.isDone()).toBe(true);
    expect(reservations.isDone()).toBe(true);
    client.close();
  });

  it("five concurrent reports refused at once share one re-authentication (one token per generation)", async () => {
    const { client } = testClient({ retry: { maxAttempts: 1 } });
    mockToken("first");
    mockToken("second");
    const finance = nock(ORIGIN)
      .post("/v1/finance/report/consolidated")
      .times(10)
      .reply(403, { status: "fail", result: "Financial reporting is not enabled" });
    nock(ORIGIN)
      .get("/v1/reservations")
      .query(true)
      .times(5)
      .reply(200, envelope([], { count: 0, limit: 100 }));
    const reports = await Promise.all(Array.from({ length: 5 }, () => getFinancialReport(client, december)));
    expect(reports.map((report) => report.data_source)).toEqual(
      Array(5).fill("calculated_from_reservations"),
    );
    expect(finance.isDone()).toBe(true);
    expect(client.stats().tokenRequests).toBe(2);
    client.close();
  });

  it("after that refusal, the next report sends no token request and no finance POST (REFERENCE.md §2)", async () => {
    const { client } = testClient({ retry: { maxAttempts: 1 } });
    mockToken("first");
    mockToken("second");
    nock(ORIGIN)
      .post("/v1/finance/report/consolidated")
      .times(2)
      .reply(403, { status: "fail", result: "Financial reporting is not enabled" });
    nock(ORIGIN)
      .get("/v1/reservations")
      .query(true)
      .times(2)
      .reply(
        200,
        envelope([reservation(21, { arrivalDate: "2026-12-03", totalPrice: 250 })], { count: 1, limit: 100 }),
      );
    await getFinancialReport(client, december);
    const afterFirst = client.stats();
    expect(afterFirst).toMatchObject({ tokenRequests: 2, requests: 5 });
    const second = await getFinancialReport(client, december);
    expect(second.data_source).toBe("calculated_from_reservations");
    // Only the reservations page: nock would have failed an unexpected finance POST or token request.
    expect(client.stats()).toMatchObject({ tokenRequests: 2, requests: afterFirst.requests + 1 });
    expect(nock.isDone()).toBe(true);
    client.close();
  });
});
