// Public API of @hostaway-mcp/batch-runner. Every export is named here on purpose (no `export *`).

export type { BatchGetBookingsOptions } from "./batch-get-bookings.js";
export { batchGetBookings } from "./batch-get-bookings.js";
export type { BatchGetPropertiesOptions } from "./batch-get-properties.js";
export { batchGetProperties } from "./batch-get-properties.js";
export { BatchItemError } from "./batch-item-error.js";
export { DEFAULT_BATCH_DEADLINE_MS } from "./batch-options.js";
export type { ItemFailureOptions } from "./describe-failure.js";
export { describeItemFailure } from "./describe-failure.js";
export { fitBatch } from "./fit-batch.js";
export { batchOperations } from "./operations.js";
export type { ReservationIndexPlan } from "./reservation-index.js";
export {
  planBookingBatch,
  RESERVATION_INDEX_MIN_IDS,
  RESERVATION_INDEX_PAGE_SIZE,
  RESERVATION_INDEX_QUERY,
} from "./reservation-index.js";
export { runBatch } from "./run-batch.js";
export type {
  BookingSource,
  ListingIndexPage,
  PropertySource,
  ReservationIndexPage,
  SourceCallOptions,
} from "./sources.js";
export type {
  BatchItemId,
  BatchProgress,
  BatchWorker,
  BatchWorkerContext,
  RunBatchOptions,
} from "./types.js";
