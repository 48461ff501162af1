import { describe, expect, it } from "vitest";
import { z } from "zod";
import { aListing, aReservation } from "../../test/query-fakes.js";
import type { RequestOptions } from "../transport.js";
import { getBooking } from "./get-booking.js";
import { getGuestInfo } from "./get-guest-info.js";
import { getProperty } from "./get-property.js";

function fakeGetters() {
  const calls: Array<{ what: string; id: number | string; options: RequestOptions | undefined }> = [];
  return {
    calls,
    listings: {
      async get(id: number | string, options?: RequestOptions) {
        calls.push({ what: "listing", id, options });
        return aListing(Number(id), {
          name: "Chalet Edelweiss",
          wifiPassword: "hunter2",
          doorSecurityCode: "4711",
        });
      },
    },
    reservations: {
      async get(id: number | string, options?: RequestOptions) {
        calls.push({ what: "reservation", id, options });
        return aReservation(Number(id), { guestEmail: "anna@example.com", phone: "+41 79 555 12 12" });
      },
    },
  };
}

describe("getProperty, getBooking, getGuestInfo", () => {
  it("getProperty maps the listing and never carries access secrets", async () => {
    const fake = fakeGetters();
    const signal = new AbortController().signal;
    const listing = await getProperty(fake, { listing_id: 40160 }, { signal });
    expect(fake.calls).toEqual([{ what: "listing", id: 40160, options: { signal } }]);
    expect(listing).toMatchObject({ id: 40160, name: "Chalet Edelweiss" });
    expect(JSON.stringify(listing)).not.toMatch(/hunter2|4711"/);
  });

  it("getBooking maps the reservation without the guest's contact data", async () => {
    const booking = await getBooking(fakeGetters(), { booking_id: 13 });
    expect(booking).toMatchObject({ id: 13, listing_id: 40160, guest_name: "Andrew Peterson" });
    expect(JSON.stringify(booking)).not.toMatch(/anna@example\.com|555 12 12/);
  });

  it("getGuestInfo is the one answer with the contact data", async () => {
    const guest = await getGuestInfo(fakeGetters(), { booking_id: 13 });
    expect(guest).toMatchObject({ booking_id: 13, email: "anna@example.com", phone: "+41 79 555 12 12" });
  });

  it("refuses an id that is not a positive whole number before any request, naming the field", async () => {
    const fake = fakeGetters();
    const bad = (run: () => Promise<unknown>) =>
      run().then(
        () => undefined,
        (error: unknown) => (error instanceof z.ZodError ? error.issues[0]?.path[0] : error),
      );
    expect(await bad(() => getProperty(fake, { listing_id: 0 }))).toBe("listing_id");
    expect(await bad(() => getBooking(fake, { booking_id: -3 }))).toBe("booking_id");
    expect(await bad(() => getGuestInfo(fake, { booking_id: 1.5 }))).toBe("booking_id");
    expect(fake.calls).toHaveLength(0);
  });
});
