import nock from "nock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  envelope,
  fixture,
  listing,
  mockToken,
  ORIGIN,
  reservation,
  testClient,
} from "../../test/helpers.js";
import { HostawayValidationError } from "../errors.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

async function rejection(promise: Promise<unknown>): Promise<HostawayValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostawayValidationError);
  return error as HostawayValidationError;
}

describe("listings", () => {
  it("sends every documented filter, booleans as 1/0 and arrays as name[]", async () => {
    mockToken();
    const api = nock(ORIGIN)
      .get("/v1/listings")
      .query({
        limit: "10",
        offset: "20",
        sortOrder: "latestActivityDesc",
        city: "Berlin",
        country: "Germany",
        contactName: "Ada",
        match: "Loft",
        propertyTypeId: "3",
        includeResources: "1",
        "attachObjects[]": "bookingEngineUrls",
        availabilityDateStart: "2026-12-01",
        availabilityDateEnd: "2026-12-05",
        availabilityGuestNumber: "2",
        userId: "7",
        latestActivityStart: "2026-01-01",
        latestActivityEnd: "2026-02-01",
        isBookingEngineActive: "0",
      })
      .reply(200, envelope([listing(1), listing("2")], { count: 2, limit: 10, offset: 20 }));
    const { client } = testClient();

    const page = await client.listings.list({
      limit: 10,
      offset: 20,
      sortOrder: "latestActivityDesc",
      city: "Berlin",
      country: "Germany",
      contactName: "Ada",
      match: "Loft",
      propertyTypeId: 3,
      includeResources: true,
      attachObjects: ["bookingEngineUrls"],
      availabilityDateStart: "2026-12-01",
      availabilityDateEnd: "2026-12-05",
      availabilityGuestNumber: 2,
      userId: 7,
      latestActivityStart: "2026-01-01",
      latestActivityEnd: "2026-02-01",
      isBookingEngineActive: false,
    });

    expect(api.isDone()).toBe(true);
    expect(page).toMatchObject({ count: 2, limit: 10, offset: 20 });
    expect(page.items.map((item) => item.id)).toEqual([1, 2]);
  });

  it("get and calendar parse the docs' own examples", async () => {
    mockToken();
    const docsListing = fixture<{ id: number }>("listings.object.json");
    const day = fixture("calendar.day.object.json");
    nock(ORIGIN)
      .get(`/v1/listings/${docsListing.id}`)
      .query({ includeResources: "1" })
      .reply(200, envelope(docsListing))
      .get(`/v1/listings/${docsListing.id}/calendar`)
      .query({ startDate: "2026-12-01", endDate: "2026-12-02" })
      .reply(200, envelope([day, { ...day, id: 2, date: "2026-12-02" }]));
    const { client } = testClient();

    const got = await client.listings.get(String(docsListing.id), { includeResources: true });
    const days = await client.listings.calendar(docsListing.id, {
      startDate: "2026-12-01",
      endDate: "2026-12-02",
    });

    expect(got.id).toBe(docsListing.id);
    expect(days).toHaveLength(2);
    expect(days[1]?.date).toBe("2026-12-02");
  });

  it("rejects bad arguments before sending anything, naming the field", async () => {
    const { client } = testClient();

    const sort = await rejection(client.listings.list({ sortOrder: "newest" as never }));
    expect(sort.message).toMatch(/^GET \/listings: invalid listings query: sortOrder: Invalid option/);
    expect(sort).toMatchObject({
      code: "HOSTAWAY_INVALID_ARGUMENT",
      errorType: "validation_error",
      status: undefined,
    });

    const unknown = await rejection(client.listings.list({ town: "Berlin" } as never));
    expect(unknown.message).toContain('Unrecognized key: "town"');

    const range = await rejection(
      client.listings.calendar(1, { startDate: "2026-12-05", endDate: "2026-12-01" }),
    );
    expect(range.message).toBe(
      "GET /listings/1/calendar: invalid calendar range: endDate: endDate must be on or after startDate",
    );

    const date = await rejection(client.listings.calendar(1, { startDate: "2026-02-30" }));
    expect(date.message).toContain("startDate: expected a real calendar date");

    const id = await rejection(client.listings.get(-4));
    expect(id.message).toBe("GET /listings/{id}: invalid argument: id must be a positive whole number");
    await rejection(client.listings.get("4711abc"));
    await rejection(client.listings.get(1, { attachObjects: "all" } as never));
    expect(client.stats().requests).toBe(0);
  });
});

describe("reservations", () => {
  it("sends every documented filter and sort, plus the include flags", async () => {
    mockToken();
    const api = nock(ORIGIN)
      .get("/v1/reservations")
      .query({
        limit: "50",
        afterId: "4711",
        sortOrder: "lastConversationMessageReceivedDesc",
        channelId: "2018",
        listingId: "40160",
        assigneeUserId: "3",
        match: "José García",
        guestEmail: "jose@example.com",
        arrivalStartDate: "2026-11-01",
        arrivalEndDate: "2026-11-30",
        departureStartDate: "2026-11-02",
        departureEndDate: "2026-12-01",
        hasUnreadConversationMessages: "1",
        isStarred: "0",
        isArchived: "0",
        isPinned: "1",
        customerUserId: "u-1",
        latestActivityStart: "2026-10-01",
        latestActivityEnd: "2026-10-31",
        reservationAgreement: "signed",
        includeResources: "1",
        includeCancellationPolicy: "1",
        includePayments: "1",
      })
      .reply(200, envelope([reservation(4712)]));
    const { client } = testClient();

    const page = await client.reservations.list({
      limit: 50,
      afterId: 4711,
      sortOrder: "lastConversationMessageReceivedDesc",
      channelId: 2018,
      listingId: 40160,
      assigneeUserId: 3,
      match: "José García",
      guestEmail: "jose@example.com",
      arrivalStartDate: "2026-11-01",
      arrivalEndDate: "2026-11-30",
      departureStartDate: "2026-11-02",
      departureEndDate: "2026-12-01",
      hasUnreadConversationMessages: true,
      isStarred: false,
      isArchived: false,
      isPinned: true,
      customerUserId: "u-1",
      latestActivityStart: "2026-10-01",
      latestActivityEnd: "2026-10-31",
      reservationAgreement: "signed",
      includeResources: true,
      includeCancellationPolicy: true,
      includePayments: true,
    });

    expect(api.isDone()).toBe(true);
    expect(page.items[0]?.id).toBe(4712);
  });

  it("get and conversations parse the docs' own examples", async () => {
    mockToken();
    const docsReservation = fixture<{ id: number }>("reservations.object.json");
    const conversation = fixture("conversations.object.json");
    nock(ORIGIN)
      .get(`/v1/reservations/${docsReservation.id}`)
      .reply(200, envelope(docsReservation))
      .get(`/v1/reservations/${docsReservation.id}/conversations`)
      .reply(200, envelope([conversation]));
    const { client } = testClient();

    await expect(client.reservations.get(docsReservation.id)).resolves.toMatchObject({
      id: docsReservation.id,
    });
    const conversations = await client.reservations.conversations(docsReservation.id);
    expect(conversations[0]?.Reservation?.hostawayReservationId).toBe(2);
  });
});

describe("conversations", () => {
  it("list, get and messages send their documented parameters", async () => {
    mockToken();
    const conversation = fixture<{ id: number }>("conversations.object.json");
    const message = fixture("conversations.message.object.json");
    const api = nock(ORIGIN)
      .get("/v1/conversations")
      .query({ reservationId: "2", limit: "5", offset: "0", includeResources: "1" })
      .reply(200, envelope([conversation], { count: "1" }))
      .get(`/v1/conversations/${conversation.id}`)
      .query({ includeResources: "0" })
      .reply(200, envelope(conversation))
      .get(`/v1/conversations/${conversation.id}/messages`)
      .query({ limit: "100", includeScheduledMessages: "1" })
      .reply(200, envelope([message, { ...message, id: 327 }], { count: 2 }));
    const { client } = testClient();

    const page = await client.conversations.list({
      reservationId: 2,
      limit: 5,
      offset: 0,
      includeResources: true,
    });
    const one = await client.conversations.get(conversation.id, { includeResources: false });
    const messages = await client.conversations.messages(conversation.id, {
      limit: 100,
      includeScheduledMessages: true,
    });

    expect(api.isDone()).toBe(true);
    expect(page.count).toBe(1);
    expect(one.id).toBe(conversation.id);
    expect(messages.items.map((m) => m.id)).toEqual([326, 327]);
  });

  it("rejects a bad messages query by name", async () => {
    const { client } = testClient();

    const error = await rejection(client.conversations.messages(1, { limit: 0 }));

    expect(error.message).toMatch(/^GET \/conversations\/1\/messages: invalid messages query: limit: /);
  });
});

describe("finance", () => {
  it("posts the report form-encoded with listingMapIds[] and format=json", async () => {
    mockToken();
    const api = nock(ORIGIN)
      .post(
        "/v1/finance/report/consolidated",
        "fromDate=2026-01-01&toDate=2026-03-31&listingMapIds%5B%5D=40160&listingMapIds%5B%5D=40161" +
          "&dateType=departureDate&channelIds%5B%5D=2018&statuses%5B%5D=new&statuses%5B%5D=modified" +
          "&sortBy=arrivalDate&sortOrder=desc&format=json",
      )
      .matchHeader("content-type", "application/x-www-form-urlencoded")
      .reply(200, fixture("financial.report.consolidated.response.json"));
    const { client } = testClient();

    const report = await client.finance.consolidated({
      fromDate: "2026-01-01",
      toDate: "2026-03-31",
      listingMapIds: [40160, 40161],
      dateType: "departureDate",
      channelIds: [2018],
      statuses: ["new", "modified"],
      sortBy: "arrivalDate",
      sortOrder: "desc",
    });

    expect(api.isDone()).toBe(true);
    expect(report.columns[0]).toMatchObject({ name: "id", valueType: "number" });
    expect(report.rows.length).toBeGreaterThan(0);
  });

  it("parses the docs' listing-financials example", async () => {
    mockToken();
    nock(ORIGIN)
      .post("/v1/finance/report/listingFinancials")
      .reply(200, fixture("financial.report.listingFinancials.response.json"));
    const { client } = testClient();

    const report = await client.finance.listingFinancials({ fromDate: "2026-01-01", toDate: "2026-01-31" });

    expect(report.columns.length).toBeGreaterThan(0);
  });

  it("requires the date range", async () => {
    const { client } = testClient();

    const error = await rejection(client.finance.consolidated({ fromDate: "2026-01-01" } as never));

    expect(error.message).toMatch(
      /^POST \/finance\/report\/consolidated: invalid finance report query: toDate: /,
    );
  });
});

describe("conversations.ofReservations on a large account", () => {
  it("reads each booking's list instead of an account walk too long to finish within a search's deadline", async () => {
    mockToken();
    const conversation = (id: number, reservationId: number) => ({
      ...fixture("conversations.object.json"),
      id,
      reservationId,
    });
    const bookings = Array.from({ length: 50 }, (_, index) => 9000 + index);
    // 4 000 conversations are 40 pages: fewer than the 50 bookings, but more than MAX_ACCOUNT_WALK_PAGES (30).
    const size = nock(ORIGIN)
      .get("/v1/conversations")
      .query({ limit: "1" })
      .reply(200, envelope([conversation(1, 1)], { count: 4000, limit: 1, offset: 0 }));
    const perBooking = nock(ORIGIN)
      .get("/v1/conversations")
      .query((query) => query.reservationId !== undefined && query.limit === "100" && query.offset === "0")
      .times(bookings.length)
      .reply(200, (request: unknown) => {
        // nock 15 hands over the request (older versions the path).
        const url = typeof request === "string" ? request : (request as { url: string }).url;
        const reservationId = Number(new URL(url, ORIGIN).searchParams.get("reservationId"));
        return envelope([conversation(reservationId * 10, reservationId)], {
          count: 1,
          limit: 100,
          offset: 0,
        });
      });
    let walkPages = 0;
    nock(ORIGIN)
      .get("/v1/conversations")
      .query((query) => query.reservationId === undefined && query.limit === "100")
      .times(40)
      .reply(200, () => {
        walkPages += 1;
        return envelope([], { count: 4000, limit: 100 });
      });
    const { client } = testClient();

    const pages = await client.conversations.ofReservations(bookings);

    expect(size.isDone()).toBe(true);
    expect(walkPages).toBe(0);
    expect(perBooking.isDone()).toBe(true);
    expect([...pages.keys()].sort()).toEqual(bookings);
    expect(pages.get(9007)?.items.map((item) => item.id)).toEqual([90_070]);
  });
});
