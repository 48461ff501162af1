import {
  type HostawayFinanceReport,
  HostawayFinanceReportSchema,
  hostawayEnvelope,
} from "@hostaway-mcp/domain-models";
import { z } from "zod";
import { parseArguments } from "../arguments.js";
import { freshness, type ResourceCache } from "../cache/resource-cache.js";
import { readKey } from "../cache/signatures.js";
import { toSearchParams } from "../query-string.js";
import type { RequestOptions, Transport } from "../transport.js";
import { parseResponse } from "../validate-response.js";
import { isoDate, orderedRange, positiveId } from "./query-fields.js";

/**
 * The shared parameters of Hostaway's finance reports (REFERENCE.md §6.5). Sent as form data, arrays as
 * `listingMapIds[]`, with `format=json` (the reports this client reads are the JSON ones). The feature must be
 * enabled on the account; when it is not, Hostaway answers with an error (mapped like any other).
 */
export const FinanceReportQuerySchema = z
  .strictObject({
    fromDate: isoDate,
    toDate: isoDate,
    listingMapIds: z.array(positiveId).optional(),
    /** Which reservation date must fall in the range (typed "float" in the doc by mistake, §10.15). */
    dateType: z.enum(["arrivalDate", "departureDate", "reservationDate"]).optional(),
    channelIds: z.array(positiveId).optional(),
    statuses: z.array(z.string().min(1)).optional(),
    sortBy: z.string().min(1).optional(),
    sortOrder: z.enum(["asc", "desc"]).optional(),
  })
  .refine(...orderedRange("fromDate", "toDate"));
export type FinanceReportQuery = z.input<typeof FinanceReportQuerySchema>;

const FinanceReportEnvelopeSchema = hostawayEnvelope(HostawayFinanceReportSchema);

export interface FinanceResource {
  /** `POST /v1/finance/report/consolidated`: one row per reservation, plus totals. */
  consolidated(query: FinanceReportQuery, options?: RequestOptions): Promise<HostawayFinanceReport>;
  /** `POST /v1/finance/report/listingFinancials`: one row per listing, plus totals. */
  listingFinancials(query: FinanceReportQuery, options?: RequestOptions): Promise<HostawayFinanceReport>;
}

export function createFinanceResource(transport: Transport, cache: ResourceCache): FinanceResource {
  const report = async (path: string, query: FinanceReportQuery, options?: RequestOptions) => {
    const where = { method: "POST", path } as const;
    const parsed = parseArguments(FinanceReportQuerySchema, query, where, "finance report query");
    const read = await cache.read(
      {
        key: readKey(`finance:${path}`, parsed),
        tags: ["finance"],
        ...freshness(cache.settings.freshMs, options),
      },
      () => fetchReport(where, parsed, options),
    );
    return read.value;
  };
  const fetchReport = async (
    where: { method: "POST"; path: string },
    parsed: z.output<typeof FinanceReportQuerySchema>,
    options?: RequestOptions,
  ) => {
    // These reports only read, though they are POSTs (REFERENCE.md §6.5): retried like a GET on 429, 5xx and
    // connection errors. Writes stay never replayed.
    const body = await transport.request(
      { ...where, isRead: true, form: toSearchParams({ ...parsed, format: "json" }) },
      options,
    );
    return parseResponse(FinanceReportEnvelopeSchema, body, where).result;
  };
  return {
    consolidated: (query, options) => report("/finance/report/consolidated", query, options),
    listingFinancials: (query, options) => report("/finance/report/listingFinancials", query, options),
  };
}
