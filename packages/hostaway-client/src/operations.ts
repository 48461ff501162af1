import {
  checkAvailabilityOperation,
  getBookingDetailsOperation,
  getFinancialReportOperation,
  getGuestInfoOperation,
  getPropertyDetailsOperation,
  implement,
  listPropertiesOperation,
  type OperationContext,
  type OperationTable,
  searchBookingsOperation,
} from "@hostaway-mcp/domain-models";
import type { HostawayClient } from "./create-client.js";
import { checkAvailability } from "./queries/check-availability.js";
import { getBooking } from "./queries/get-booking.js";
import { getFinancialReport } from "./queries/get-financial-report.js";
import { getGuestInfo } from "./queries/get-guest-info.js";
import { getProperty } from "./queries/get-property.js";
import { listProperties } from "./queries/list-properties.js";
import type { QueryOptions } from "./queries/query-options.js";
import { searchBookings } from "./queries/search-bookings.js";

/** The query options an operation's context carries: its signal, budget and progress reporting. */
function queryOptions({ signal, responseBudget, onProgress }: OperationContext): QueryOptions {
  return { signal, responseBudget, onProgress };
}

/** The operations this package implements, by catalogue name (see domain-models `OPERATIONS`). */
export const clientOperations: OperationTable<HostawayClient> = {
  ...implement(listPropertiesOperation, (client: HostawayClient, input, context) =>
    listProperties(client, input, queryOptions(context)),
  ),
  ...implement(getPropertyDetailsOperation, (client: HostawayClient, input, { signal }) =>
    getProperty(client, input, { signal }),
  ),
  ...implement(checkAvailabilityOperation, (client: HostawayClient, input, context) =>
    // The calendar has no `note` field: a cut calendar's note goes beside the answer.
    checkAvailability(client, input, { ...queryOptions(context), onNote: context.onNote }),
  ),
  ...implement(searchBookingsOperation, (client: HostawayClient, input, context) =>
    searchBookings(client, input, queryOptions(context)),
  ),
  ...implement(getBookingDetailsOperation, (client: HostawayClient, input, { signal }) =>
    getBooking(client, input, { signal }),
  ),
  ...implement(getGuestInfoOperation, (client: HostawayClient, input, { signal }) =>
    getGuestInfo(client, input, { signal }),
  ),
  ...implement(getFinancialReportOperation, (client: HostawayClient, input, context) =>
    getFinancialReport(client, input, queryOptions(context)),
  ),
};
