import { z } from "zod";
import {
  HostawayId,
  optionalArray,
  optionalBoolean,
  optionalDate,
  optionalDateTime,
  optionalId,
  optionalNumber,
  optionalString,
} from "./primitives.js";

/** `financeField[]` item; the docs say to read `total`, not `value` (REFERENCE.md §8.3). */
export const HostawayFinanceFieldSchema = z.looseObject({
  id: optionalId(),
  type: optionalString(),
  name: optionalString(),
  title: optionalString(),
  alias: optionalString(),
  units: optionalNumber(),
  value: optionalNumber(),
  total: optionalNumber(),
  isIncludedInTotalPrice: optionalBoolean(),
  isDeleted: optionalBoolean(),
});

/**
 * The fields a reservation shares with its trimmed copies (inside a conversation as `Reservation`, inside a
 * calendar day as `reservations[]`). REFERENCE.md §8.3. Note `reservationId` here is the CHANNEL's string code,
 * not the Hostaway id (§10.7). Statuses and channel names are open strings (§8.1, §8.2).
 */
export const hostawayReservationFields = {
  listingMapId: optionalId(),
  listingName: optionalString(),
  channelId: optionalId(),
  channelName: optionalString(),
  source: optionalString(),
  reservationId: optionalString(),
  hostawayReservationId: optionalId(),
  channelReservationId: optionalString(),
  confirmationCode: optionalString(),
  assigneeUserId: optionalId(),
  isProcessed: optionalBoolean(),
  isInstantBooked: optionalBoolean(),
  reservationDate: optionalDateTime(),
  pendingExpireDate: optionalDateTime(),
  guestName: optionalString(),
  guestFirstName: optionalString(),
  guestLastName: optionalString(),
  guestExternalAccountId: optionalString(),
  guestEmail: optionalString(),
  phone: optionalString(),
  guestCountry: optionalString(),
  guestCity: optionalString(),
  guestAddress: optionalString(),
  guestZipCode: optionalString(),
  guestPicture: optionalString(),
  guestLocale: optionalString(),
  numberOfGuests: optionalNumber(),
  adults: optionalNumber(),
  children: optionalNumber(),
  infants: optionalNumber(),
  pets: optionalNumber(),
  arrivalDate: optionalDate(),
  departureDate: optionalDate(),
  previousArrivalDate: optionalDate(),
  previousDepartureDate: optionalDate(),
  isDatesUnspecified: optionalBoolean(),
  checkInTime: optionalNumber(),
  checkOutTime: optionalNumber(),
  nights: optionalNumber(),
  totalPrice: optionalNumber(),
  taxAmount: optionalNumber(),
  cleaningFee: optionalNumber(),
  securityDepositFee: optionalNumber(),
  channelCommissionAmount: optionalNumber(),
  hostawayCommissionAmount: optionalNumber(),
  remainingBalance: optionalNumber(),
  isPaid: optionalBoolean(),
  paymentMethod: optionalString(),
  currency: optionalString(),
  status: optionalString(),
  cancellationDate: optionalDateTime(),
  cancelledBy: optionalString(),
  hostNote: optionalString(),
  guestNote: optionalString(),
  comment: optionalString(),
  doorCode: optionalString(),
  doorCodeVendor: optionalString(),
  doorCodeInstruction: optionalString(),
  isStarred: optionalBoolean(),
  isArchived: optionalBoolean(),
  isPinned: optionalBoolean(),
  cancellationPolicy: optionalString(),
  airbnbCancellationPolicy: optionalString(),
  latestActivityOn: optionalDateTime(),
  insertedOn: optionalDateTime(),
  updatedOn: optionalDateTime(),
};

/**
 * A reservation as Hostaway sends it (REFERENCE.md §6.2, §8; examples/reservations.object.json). Only `id` (the
 * Hostaway reservation id) is required.
 */
export const HostawayReservationSchema = z.looseObject({
  id: HostawayId,
  ...hostawayReservationFields,
  financeField: optionalArray(HostawayFinanceFieldSchema),
});
export type HostawayReservation = z.infer<typeof HostawayReservationSchema>;
