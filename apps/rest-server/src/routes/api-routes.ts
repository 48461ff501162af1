import { batchBookingsRoute, batchPropertiesRoute } from "./batch.js";
import { getBookingGuestRoute, getBookingRoute, searchBookingsRoute } from "./bookings.js";
import { financialReportRoute } from "./financial.js";
import { getListingCalendarRoute, getListingRoute, listListingsRoute } from "./listings.js";
import { conversationHistoryRoute, searchMessagesRoute } from "./messages.js";
import type { RouteDefinition } from "./route-definition.js";

/** Every `/api` route, in the order of the OpenAPI document (the MCP tools' order). */
export const apiRoutes: readonly RouteDefinition[] = [
  listListingsRoute,
  getListingRoute,
  getListingCalendarRoute,
  searchBookingsRoute,
  getBookingRoute,
  getBookingGuestRoute,
  financialReportRoute,
  searchMessagesRoute,
  conversationHistoryRoute,
  batchPropertiesRoute,
  batchBookingsRoute,
] as RouteDefinition[];
