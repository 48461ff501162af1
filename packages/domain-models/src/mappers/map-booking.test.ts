import { expect, test } from "vitest";
import { HostawayReservationSchema } from "../hostaway/reservation.js";
import { BookingSchema, GuestInfoSchema } from "../wire/booking.js";
import { guestName, mapBooking, mapGuestInfo } from "./map-booking.js";

const contact = {
  id: 77,
  guestName: "Anna Schmidt",
  guestEmail: "anna@example.com",
  phone: "+49 170 0000000",
  guestAddress: "Hauptstraße 1",
  guestZipCode: "10115",
  doorCode: "2468",
};

test("a bare reservation maps to valid wire objects", () => {
  const reservation = HostawayReservationSchema.parse({ id: 1 });
  expect(BookingSchema.parse(mapBooking(reservation))).toMatchObject({
    id: 1,
    guest_name: null,
    status: null,
  });
  expect(GuestInfoSchema.parse(mapGuestInfo(reservation))).toMatchObject({ booking_id: 1, email: null });
});

test("Booking never carries guest contact data or the door code", () => {
  const text = JSON.stringify(mapBooking(HostawayReservationSchema.parse(contact)));
  for (const secret of ["anna@example.com", "+49 170", "Hauptstraße", "10115", "2468"]) {
    expect(text).not.toContain(secret);
  }
});

test("GuestInfo carries the contact data (and still no door code)", () => {
  const guest = mapGuestInfo(HostawayReservationSchema.parse(contact));
  expect(guest).toMatchObject({ email: "anna@example.com", phone: "+49 170 0000000", zipcode: "10115" });
  expect(JSON.stringify(guest)).not.toContain("2468");
});

test("quirks: string ids, 0/1 booleans, zone-less datetimes", () => {
  const booking = mapBooking(
    HostawayReservationSchema.parse({
      id: "77",
      listingMapId: "40160",
      channelId: "2018",
      isPaid: "1",
      isInstantBooked: 0,
      reservationDate: "2026-01-02 03:04:05",
      cancellationDate: "",
      arrivalDate: "2026-02-01",
    }),
  );
  expect(booking).toMatchObject({
    id: 77,
    listing_id: 40160,
    channel_id: 2018,
    is_paid: true,
    is_instant_booked: false,
    reservation_date: "2026-01-02T03:04:05Z",
    cancellation_date: null,
    arrival_date: "2026-02-01",
  });
  expect(BookingSchema.safeParse(booking).success).toBe(true);
});

test("channel_reservation_id falls back on reservationId (the channel code, REFERENCE.md §10.7)", () => {
  const booking = mapBooking(HostawayReservationSchema.parse({ id: 1, reservationId: "HM-123" }));
  expect(booking.channel_reservation_id).toBe("HM-123");
});

test("listing_name comes from the reservation, else the context", () => {
  expect(mapBooking(HostawayReservationSchema.parse({ id: 1 }), { listingName: "Loft" }).listing_name).toBe(
    "Loft",
  );
  expect(
    mapBooking(HostawayReservationSchema.parse({ id: 1, listingName: "Villa" }), { listingName: "Loft" })
      .listing_name,
  ).toBe("Villa");
});

test("cancellation policy falls back on the Airbnb one", () => {
  const booking = mapBooking(
    HostawayReservationSchema.parse({ id: 1, airbnbCancellationPolicy: "moderate" }),
  );
  expect(booking.cancellation_policy).toBe("moderate");
});

test("guestName joins first and last name when the full name is missing", () => {
  expect(guestName({ guestFirstName: "José", guestLastName: "García" })).toBe("José García");
  expect(guestName({ guestName: " ", guestLastName: "García" })).toBe("García");
  expect(guestName({})).toBeNull();
});
