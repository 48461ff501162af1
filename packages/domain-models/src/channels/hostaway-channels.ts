import { z } from "zod";
import { quoteValue } from "../requests/bounded-echo.js";

/**
 * Hostaway's booking channels by name (REFERENCE.md §8.2), for the reservation list's `channelId` filter.
 * `airbnb` (2001) is not in the documented table but is what Hostaway's own reservation examples carry
 * (REFERENCE.md §8.2, §10.9), so it is accepted too.
 */
export const HOSTAWAY_CHANNEL_IDS: Readonly<Record<string, number>> = Object.freeze({
  direct: 2000,
  airbnb: 2001,
  homeaway: 2002,
  bookingcom: 2005,
  expedia: 2007,
  homeawayical: 2009,
  vrboical: 2010,
  bookingengine: 2013,
  customIcal: 2015,
  tripadvisorical: 2016,
  wordpress: 2017,
  airbnbOfficial: 2018,
  marriott: 2019,
  partner: 2020,
  gds: 2021,
  google: 2022,
});

/** The channel names `channelIdFor` accepts, in the table's order (for descriptions and error details). */
export const HOSTAWAY_CHANNEL_NAMES: readonly string[] = Object.freeze(Object.keys(HOSTAWAY_CHANNEL_IDS));

/**
 * The channel id for a name, matched case-insensitively and ignoring surrounding spaces. An unknown name throws a
 * `ZodError` at path `["channel"]` whose message lists the allowed names (like `decodeCursor` for `cursor`), so
 * both apps report it as a bad `channel` argument.
 */
export function channelIdFor(name: string): number {
  const wanted = name.trim().toLowerCase();
  const entry = Object.entries(HOSTAWAY_CHANNEL_IDS).find(([channel]) => channel.toLowerCase() === wanted);
  if (entry === undefined) {
    throw new z.ZodError([
      {
        code: "custom",
        path: ["channel"],
        message: `${quoteValue(name)} is not a Hostaway channel name; allowed: ${HOSTAWAY_CHANNEL_NAMES.join(", ")}`,
        input: name,
      },
    ]);
  }
  return entry[1];
}
