import { batchGetBookingsOperation, batchGetPropertiesOperation } from "./batches.js";
import { getBookingDetailsOperation, getGuestInfoOperation, searchBookingsOperation } from "./bookings.js";
import { getFinancialReportOperation } from "./finance.js";
import {
  checkAvailabilityOperation,
  getPropertyDetailsOperation,
  listPropertiesOperation,
} from "./listings.js";
import { getConversationHistoryOperation, searchMessagesOperation } from "./messages.js";
import type { OperationDeclaration } from "./operation.js";

/**
 * Every operation, in the order both edges present them (MCP `tools/list`, the OpenAPI document). The MCP tool
 * catalogue snapshot pins it.
 */
export const OPERATIONS: readonly OperationDeclaration[] = [
  listPropertiesOperation,
  getPropertyDetailsOperation,
  checkAvailabilityOperation,
  searchBookingsOperation,
  getBookingDetailsOperation,
  getGuestInfoOperation,
  getFinancialReportOperation,
  searchMessagesOperation,
  getConversationHistoryOperation,
  batchGetPropertiesOperation,
  batchGetBookingsOperation,
] as readonly OperationDeclaration[];

const byName = new Map(OPERATIONS.map((operation) => [operation.name, operation]));

/** The operation with that name, or undefined. */
export function operationNamed(name: string): OperationDeclaration | undefined {
  return byName.get(name);
}
