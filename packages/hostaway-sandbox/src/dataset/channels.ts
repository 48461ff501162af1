/** Booking channels (REFERENCE.md §8.2), with how often each shows up in the dataset. */
export interface ChannelInfo {
  id: number;
  name: string;
  source: string;
  /** Share of the channel commission in the accommodation price. */
  commissionRate: number;
  /** True for OTAs whose guests write through the channel's own messaging (`communicationType: "channel"`). */
  messagesThroughChannel: boolean;
}

export const CHANNELS = {
  direct: {
    id: 2000,
    name: "direct",
    source: "reservation",
    commissionRate: 0,
    messagesThroughChannel: false,
  },
  homeaway: {
    id: 2002,
    name: "homeaway",
    source: "homeawayApi",
    commissionRate: 0.05,
    messagesThroughChannel: true,
  },
  bookingcom: {
    id: 2005,
    name: "bookingcom",
    source: "bookingcom",
    commissionRate: 0.15,
    messagesThroughChannel: true,
  },
  expedia: {
    id: 2007,
    name: "expedia",
    source: "expedia",
    commissionRate: 0.18,
    messagesThroughChannel: true,
  },
  bookingengine: {
    id: 2013,
    name: "bookingengine",
    source: "bookingEngine",
    commissionRate: 0,
    messagesThroughChannel: false,
  },
  airbnbOfficial: {
    id: 2018,
    name: "airbnbOfficial",
    source: "airbnbOfficial",
    commissionRate: 0.03,
    messagesThroughChannel: true,
  },
  /** Not in Hostaway's channel table, but used by its reservation examples (REFERENCE.md §8.2, §10.9). */
  airbnbLegacy: {
    id: 2001,
    name: "airbnb",
    source: "airbnb",
    commissionRate: 0.03,
    messagesThroughChannel: true,
  },
} as const satisfies Record<string, ChannelInfo>;

export const CHANNEL_WEIGHTS: readonly (readonly [ChannelInfo, number])[] = [
  [CHANNELS.airbnbOfficial, 40],
  [CHANNELS.bookingcom, 25],
  [CHANNELS.homeaway, 10],
  [CHANNELS.direct, 10],
  [CHANNELS.bookingengine, 8],
  [CHANNELS.expedia, 7],
];

/** Reservation statuses that block the calendar (REFERENCE.md §8.1). */
export const BLOCKING_STATUSES: ReadonlySet<string> = new Set([
  "new",
  "modified",
  "awaitingPayment",
  "awaitingGuestVerification",
  "ownerStay",
]);

/** Statuses that have no money attached in finance reports. */
export const NON_FINANCIAL_STATUSES: ReadonlySet<string> = new Set([
  "inquiry",
  "inquiryPreapproved",
  "inquiryDenied",
  "inquiryTimedout",
  "inquiryNotPossible",
  "declined",
  "expired",
  "unknown",
]);
