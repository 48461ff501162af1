import { describe, expect, test } from "vitest";
import {
  AvailabilityCalendarSchema,
  BookingSchema,
  CalendarDaySchema,
  ConversationThreadSchema,
  FinancialReportSchema,
  financialReportFromReservations,
  GuestInfoSchema,
  HostawayAccessTokenSchema,
  HostawayCalendarDaySchema,
  HostawayConversationSchema,
  HostawayEnvelopeSchema,
  HostawayFinanceReportSchema,
  HostawayListingSchema,
  HostawayMessageSchema,
  HostawayReservationSchema,
  hostawayEnvelope,
  ListingSchema,
  ListingSummarySchema,
  MessageSchema,
  mapAvailabilityCalendar,
  mapBooking,
  mapCalendarDay,
  mapConversationMessages,
  mapFinanceReport,
  mapGuestInfo,
  mapListing,
  mapListingSummary,
  mapMessage,
} from "../src/index.js";
import { fixture, fixtureObject } from "./fixtures.js";

// Every listing, reservation, conversation, message, calendar and finance example of Hostaway's docs parses with the
// tolerant schemas and maps to a wire object that the strict schema accepts.

describe("listings.object.json", () => {
  const listing = HostawayListingSchema.parse(fixture("listings.object.json"));

  test("parses with quirks normalised and unknown fields kept", () => {
    expect(listing.id).toBe(40160);
    expect(listing.instantBookable).toBe(false);
    expect(listing.isRentalAgreementActive).toBe(true);
    expect(listing.listingAmenities?.map((a) => a.amenityId)).toEqual([2, 3]);
    expect((listing as Record<string, unknown>).weeklyDiscount).toBe(0.71);
    expect((listing as Record<string, unknown>).contactEmail).toBe("contactEmail@mail.com");
  });

  test("maps to a valid Listing without secrets", () => {
    const wire = ListingSchema.parse(mapListing(listing));
    expect(wire).toMatchObject({
      id: 40160,
      name: "Beautiful and cozy apartment close to city center",
      internal_name: "Property #3",
      room_type: "entire_home",
      timezone: "Europe/Berlin",
      currency: "USD",
      base_price: 211.62,
      cleaning_fee: 40.32,
      person_capacity: 6,
      check_in_start_hour: 12,
      check_out_hour: 11,
      cancellation_policy: "strict",
      instant_bookable: false,
      amenity_ids: [2, 3],
      archived: false,
    });
    expect(wire.address.city).toBe("Bremerhaven");
    expect(wire.images.length).toBeGreaterThan(0);
    const text = JSON.stringify(wire);
    for (const secret of [
      "ddff8",
      '"pass"',
      "Key pickup",
      "Any special instruction",
      "contactEmail@mail.com",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  test("maps to a valid ListingSummary", () => {
    expect(ListingSummarySchema.parse(mapListingSummary(listing))).toEqual({
      id: 40160,
      name: "Beautiful and cozy apartment close to city center",
      city: "Bremerhaven",
      country: "Germany",
      person_capacity: 6,
      bedrooms: 1,
      bathrooms: 1,
      base_price: 211.62,
      currency: "USD",
      archived: false,
    });
  });
});

describe("reservations.object.json", () => {
  const reservation = HostawayReservationSchema.parse(fixture("reservations.object.json"));

  test("parses with zone-less datetimes as ISO UTC", () => {
    expect(reservation.id).toBe(13);
    expect(reservation.reservationDate).toBe("2017-06-10T10:41:10Z");
    expect(reservation.isPaid).toBeNull();
    expect(reservation.isArchived).toBe(false);
    expect(reservation.financeField?.[0]?.total).toBe(69);
  });

  test("maps to a valid Booking without contact data or door codes", () => {
    const booking = BookingSchema.parse(mapBooking(reservation));
    expect(booking).toMatchObject({
      id: 13,
      channel_reservation_id: "10450-40160-thread313906227-9586017324",
      confirmation_code: "HMP2KQ4B44",
      listing_id: 40160,
      channel_id: 2001,
      channel_name: "airbnb",
      status: "new",
      guest_name: "Andrew Peterson",
      arrival_date: "2017-07-15",
      departure_date: "2017-07-16",
      nights: 1,
      reservation_date: "2017-06-10T10:41:10Z",
      total_price: 267,
      currency: "USD",
      remaining_balance: 4563.54,
      cancellation_policy: "moderate",
    });
    const text = JSON.stringify(booking);
    for (const secret of ["mail@test.com", "+75125551212", "3411 Cedar St", "12345"]) {
      expect(text).not.toContain(secret);
    }
  });

  test("maps to a valid GuestInfo with the contact data", () => {
    expect(GuestInfoSchema.parse(mapGuestInfo(reservation))).toMatchObject({
      booking_id: 13,
      guest_name: "Andrew Peterson",
      email: "mail@test.com",
      phone: "+75125551212",
      address: "3411 Cedar St",
      zipcode: "TX 78705",
      country: "US",
    });
  });
});

describe("conversations.object.json", () => {
  const conversation = HostawayConversationSchema.parse(fixture("conversations.object.json"));

  test("parses the capital-R Reservation with its string hostawayReservationId", () => {
    expect(conversation.id).toBe(1406);
    expect(conversation.reservationId).toBe(2);
    expect(conversation.Reservation?.hostawayReservationId).toBe(2);
    expect(conversation.Reservation?.channelName).toBe("direct");
    expect(conversation.messageReceivedOn).toBeNull();
    expect(conversation.conversationMessages?.[0]?.channelThreadMessageId).toBeNull();
  });

  test("its embedded message maps to a valid Message", () => {
    const [message] = mapConversationMessages(conversation);
    expect(MessageSchema.parse(message)).toMatchObject({
      id: 326,
      conversation_id: 1406,
      booking_id: 2,
      channel: "other", // the embedded copy has no communicationType (REFERENCE.md §10.12)
      sender_type: "property_manager",
      sender_name: null,
      timestamp: "2018-06-28T11:24:40Z",
      delivery_status: "sent",
      is_seen: false,
    });
  });

  test("its Reservation maps to a valid Booking once the id is known", () => {
    const reservation = HostawayReservationSchema.parse(
      fixtureObject("conversations.object.json").Reservation,
    );
    expect(BookingSchema.parse(mapBooking(reservation)).id).toBe(2);
  });
});

describe("conversations.message.object.json", () => {
  const message = HostawayMessageSchema.parse(fixture("conversations.message.object.json"));

  test("parses", () => {
    expect(message).toMatchObject({ id: 326, communicationType: "email", status: "sent", isIncoming: false });
    expect(message.date).toBe("2018-07-16T10:12:52Z");
    expect(message.attachments?.[0]?.mimeType).toBe("image/jpeg");
  });

  test("maps to a valid Message", () => {
    expect(MessageSchema.parse(mapMessage(message))).toEqual({
      id: 326,
      conversation_id: 1406,
      booking_id: 2,
      listing_id: 40160,
      channel: "email",
      platform: null,
      sender_type: "property_manager",
      sender_name: null,
      content: "hello guest",
      timestamp: "2018-07-16T10:12:52Z",
      delivery_status: "sent",
      is_seen: false,
      attachments: [
        {
          name: "download.jpeg",
          url: "https://www.image.com/img.jpeg",
          mime_type: "image/jpeg",
          is_image: true,
        },
      ],
    });
  });

  test("builds a valid ConversationThread together with the conversation", () => {
    const conversation = HostawayConversationSchema.parse(fixture("conversations.object.json"));
    const messages = mapConversationMessages(conversation, [message]);
    const thread = ConversationThreadSchema.parse({
      booking_id: 2,
      guest_name: "John Smith",
      listing_id: 40160,
      listing_name: null,
      arrival_date: "2018-06-13",
      departure_date: "2018-06-14",
      channel_name: "direct",
      conversation_ids: [1406],
      channels_used: ["email"],
      total_count: 1,
      offset: 0,
      limit: 50,
      has_more: false,
      messages,
      as_of: "2026-11-20T12:00:00.000Z",
    });
    expect(thread.messages[0]?.content).toBe("hello guest");
  });
});

describe("calendar.day.object.json", () => {
  const day = HostawayCalendarDaySchema.parse(fixture("calendar.day.object.json"));

  test("parses with its embedded reservations", () => {
    expect(day).toMatchObject({ date: "2017-07-15", isAvailable: false, status: "reserved", price: 225 });
    expect(day.reservations?.[0]?.reservationDate).toBe("2017-06-10T10:41:10Z");
  });

  test("maps to a valid CalendarDay and AvailabilityCalendar", () => {
    expect(CalendarDaySchema.parse(mapCalendarDay(day))).toEqual({
      date: "2017-07-15",
      status: "reserved",
      is_available: false,
      price: 225,
      minimum_stay: 1,
      maximum_stay: 1125,
      closed_on_arrival: null,
      closed_on_departure: null,
      note: null,
    });
    const calendar = AvailabilityCalendarSchema.parse(
      mapAvailabilityCalendar(40160, { start_date: "2017-07-15", end_date: "2017-07-15" }, [day]),
    );
    expect(calendar).toMatchObject({ all_available: false, available_nights: 0 });
  });

  test("its embedded reservation maps to a valid Booking", () => {
    const [reservation] = day.reservations ?? [];
    expect(reservation).toBeDefined();
    expect(BookingSchema.parse(mapBooking(reservation!)).guest_name).toBe("Andrew Peterson");
  });
});

describe("financial reports", () => {
  const request = { start_date: "2019-03-01", end_date: "2019-03-31", date_type: "arrivalDate" as const };

  test("consolidated: positional rows become objects; the string reservation id becomes a number", () => {
    const envelope = hostawayEnvelope(HostawayFinanceReportSchema).parse(
      fixture("financial.report.consolidated.response.json"),
    );
    const report = FinancialReportSchema.parse(mapFinanceReport(envelope.result, request));
    expect(report.columns).toHaveLength(36);
    expect(report.rows).toHaveLength(2);
    expect(report.rows[0]).toMatchObject({
      id: 755143,
      channelName: "direct",
      status: "cancelled",
      arrivalDate: "2019-03-06",
      listingName: "(456) apartment with Balcony",
      accommodationFee: 2503,
      subTotalPrice: 2503,
    });
    expect(report.totals).toMatchObject({ id: null, totalGuestFees: 61923, subTotalPrice: 371210 });
    expect(report).toMatchObject({ currency: "RUB", data_source: "hostaway_finance_report", note: null });
  });

  test("listingFinancials: the Totals label stays in its text column", () => {
    const envelope = hostawayEnvelope(HostawayFinanceReportSchema).parse(
      fixture("financial.report.listingFinancials.response.json"),
    );
    const report = FinancialReportSchema.parse(mapFinanceReport(envelope.result, request));
    expect(report.rows[0]?.listingName).toBe("(123) Great place");
    expect(report.totals?.listingName).toBe("Totals");
    expect(Object.keys(report.rows[0] ?? {})).toHaveLength(31);
  });

  test("reservation fallback over the docs' reservations validates", () => {
    const reservation = HostawayReservationSchema.parse(fixture("reservations.object.json"));
    const report = FinancialReportSchema.parse(
      financialReportFromReservations([reservation], { start_date: "2017-07-01", end_date: "2017-07-31" }),
    );
    expect(report.rows).toHaveLength(1);
    expect(report.totals?.totalPrice).toBe(267);
  });
});

describe("envelope and token", () => {
  test("the standard envelope parses", () => {
    expect(HostawayEnvelopeSchema.parse(fixture("envelope.standard.response.json"))).toMatchObject({
      status: "success",
      result: "Endpoint result goes here",
      limit: null,
      count: 1,
      totalPages: 1,
    });
  });

  test("the 429 body keeps its message", () => {
    const body = HostawayEnvelopeSchema.parse(fixture("error.rateLimit.429.json"));
    expect(body.status).toBe("fail");
    expect(body.message).toMatch(/exceeded the rate limits/);
  });

  test("the access token response parses", () => {
    expect(HostawayAccessTokenSchema.parse(fixture("auth.accessTokens.response.json"))).toEqual({
      token_type: "Bearer",
      expires_in: 15897600,
      access_token: "yournewaccesstoken",
    });
  });
});
