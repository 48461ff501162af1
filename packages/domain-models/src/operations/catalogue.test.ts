import { describe, expect, it } from "vitest";
import { z } from "zod";
import { requestParameters } from "../requests/parse-request.js";
import { OPERATIONS, operationNamed } from "./catalogue.js";
import { listPropertiesOperation } from "./listings.js";
import { bindOperations, implement } from "./operation-handler.js";

const identity = (name: string) => name;

describe("the operation catalogue", () => {
  it("lists every operation once, in the order both edges present them", () => {
    expect(OPERATIONS.map((operation) => operation.name)).toEqual([
      "hostaway_list_properties",
      "hostaway_get_property_details",
      "hostaway_check_availability",
      "hostaway_search_bookings",
      "hostaway_get_booking_details",
      "hostaway_get_guest_info",
      "hostaway_get_financial_report",
      "hostaway_search_messages",
      "hostaway_get_conversation_history",
      "hostaway_batch_get_properties",
      "hostaway_batch_get_bookings",
    ]);
    expect(new Set(OPERATIONS.map((operation) => operation.http.operationId)).size).toBe(OPERATIONS.length);
    expect(new Set(OPERATIONS.map((operation) => operation.http.path)).size).toBe(OPERATIONS.length);
    expect(operationNamed("hostaway_get_guest_info")?.http.path).toBe("/api/bookings/{id}/guest");
    expect(operationNamed("nope")).toBeUndefined();
  });

  it.each(OPERATIONS.map((operation) => [operation.name, operation] as const))(
    "%s: schemas convert to JSON Schema and every path parameter maps to an input field",
    (_name, operation) => {
      expect(() => z.toJSONSchema(operation.input, { io: "input" })).not.toThrow();
      expect(() => z.toJSONSchema(operation.output)).not.toThrow();
      const inPath = [...operation.http.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(Object.keys(operation.http.pathParams ?? {}).sort()).toEqual([...inPath].sort());
      const fields = requestParameters(operation.input);
      for (const field of Object.values(operation.http.pathParams ?? {})) expect(fields).toContain(field);
      expect(operation.description.length).toBeGreaterThan(100);
      expect(operation.auditedBookings !== undefined).toBe(operation.guestData);
    },
  );

  /** Today's MCP words (apps/mcp-server's tools before the catalogue), which an identity `refer` must keep. */
  const mcpNotFound: ReadonlyArray<readonly [string, Record<string, unknown>, string, string]> = [
    [
      "hostaway_list_properties",
      {},
      "Hostaway reported the listing list as not found.",
      "call hostaway_list_properties again without a cursor.",
    ],
    [
      "hostaway_get_property_details",
      { listing_id: 5 },
      "Listing 5 does not exist in this Hostaway account.",
      "call hostaway_list_properties to see valid listing ids.",
    ],
    [
      "hostaway_check_availability",
      { listing_id: 5 },
      "Listing 5 does not exist in this Hostaway account.",
      "call hostaway_list_properties to see valid listing ids.",
    ],
    [
      "hostaway_search_bookings",
      {},
      "Hostaway reported the booking list as not found (a listing_id that does not exist?).",
      "check listing_id with hostaway_list_properties, or drop it.",
    ],
    [
      "hostaway_get_booking_details",
      { booking_id: 7 },
      "Booking 7 does not exist in this Hostaway account.",
      "call hostaway_search_bookings to find valid booking ids.",
    ],
    [
      "hostaway_get_guest_info",
      { booking_id: 7 },
      "Booking 7 does not exist in this Hostaway account.",
      "call hostaway_search_bookings to find valid booking ids.",
    ],
    [
      "hostaway_get_financial_report",
      {},
      "Hostaway reported a listing of the report as not found.",
      "check listing_ids with hostaway_list_properties.",
    ],
    [
      "hostaway_search_messages",
      { booking_id: 7 },
      "Booking 7 does not exist in this Hostaway account.",
      "call hostaway_search_bookings to find valid booking ids.",
    ],
    [
      "hostaway_search_messages",
      { guest_name: "x" },
      "Hostaway reported a booking of the search as not found.",
      "call hostaway_search_bookings to find valid booking ids.",
    ],
    [
      "hostaway_get_conversation_history",
      { booking_id: 7 },
      "Booking 7 does not exist in this Hostaway account.",
      "call hostaway_search_bookings to find valid booking ids.",
    ],
    [
      "hostaway_batch_get_properties",
      {},
      "Hostaway reported the listing index as not found.",
      "call hostaway_list_properties to see valid listing ids.",
    ],
    [
      "hostaway_batch_get_bookings",
      {},
      "Hostaway reported a booking as not found.",
      "call hostaway_search_bookings to find valid booking ids.",
    ],
  ];

  it.each(mcpNotFound)(
    "%s %j: a not-found reads as today's MCP tool with an identity refer",
    (name, input, problem, nextStep) => {
      expect(operationNamed(name)?.notFound(input as never, identity)).toEqual({ problem, nextStep });
    },
  );

  it("gives the batches' item hints through refer", () => {
    expect(operationNamed("hostaway_batch_get_properties")?.itemNotFoundHint?.(identity)).toBe(
      "list valid property ids with hostaway_list_properties",
    );
    expect(operationNamed("hostaway_batch_get_bookings")?.itemNotFoundHint?.(identity)).toBe(
      "list valid booking ids with hostaway_search_bookings",
    );
    expect(
      OPERATIONS.filter((operation) => operation.itemNotFoundHint).map((operation) => operation.name),
    ).toEqual(["hostaway_batch_get_properties", "hostaway_batch_get_bookings"]);
  });

  it("declares which operations read guest data, and how each one's answer shrinks", () => {
    expect(
      Object.fromEntries(
        OPERATIONS.map((operation) => [operation.name, [operation.guestData, operation.budget]]),
      ),
    ).toEqual({
      hostaway_list_properties: [false, "cursor_page"],
      hostaway_get_property_details: [false, "none"],
      hostaway_check_availability: [false, "calendar_days"],
      hostaway_search_bookings: [false, "cursor_page"],
      hostaway_get_booking_details: [false, "none"],
      hostaway_get_guest_info: [true, "none"],
      hostaway_get_financial_report: [false, "report_rows"],
      hostaway_search_messages: [true, "search_window"],
      hostaway_get_conversation_history: [true, "thread_messages"],
      hostaway_batch_get_properties: [false, "batch_items"],
      hostaway_batch_get_bookings: [false, "batch_items"],
    });
  });

  it("words a not-found through the edge's own names", () => {
    const booking = operationNamed("hostaway_get_booking_details");
    expect(booking?.notFound({ booking_id: 7 }, identity)).toEqual({
      problem: "Booking 7 does not exist in this Hostaway account.",
      nextStep: "call hostaway_search_bookings to find valid booking ids.",
    });
    const rest = (name: string) => {
      const http = operationNamed(name)?.http;
      return `${http?.method} ${http?.path}`;
    };
    expect(booking?.notFound({ booking_id: 7 }, rest).nextStep).toBe(
      "call GET /api/bookings to find valid booking ids.",
    );
    expect(operationNamed("hostaway_batch_get_properties")?.itemNotFoundHint?.(rest)).toBe(
      "list valid property ids with GET /api/listings",
    );
  });

  it("audits a search's found bookings, or the booking asked for when none was found", () => {
    const search = operationNamed("hostaway_search_messages");
    const found = { successful_results: [{ booking_id: 3 }, { booking_id: 4 }] };
    expect(search?.auditedBookings?.({ guest_name: "x" }, found as never)).toEqual([3, 4]);
    expect(search?.auditedBookings?.({ booking_id: 9 }, undefined)).toEqual([9]);
    expect(search?.auditedBookings?.({ guest_name: "x" }, undefined)).toEqual([null]);
    expect(search?.auditedBookings?.({ guest_name: "x" }, { successful_results: [] } as never)).toEqual([
      null,
    ]);
    const history = operationNamed("hostaway_get_conversation_history");
    expect(history?.auditedBookings?.({ booking_id: 5 }, undefined)).toEqual([5]);
    expect(operationNamed("hostaway_get_guest_info")?.auditedBookings?.({ booking_id: 6 })).toEqual([6]);
  });
});

describe("bindOperations", () => {
  const noop = async () => ({}) as never;
  const all = Object.fromEntries(OPERATIONS.map((operation) => [operation.name, noop]));

  it("finds each operation's one implementation", () => {
    const handler = async () => ({ items: [], next_cursor: null, total_count: 0, note: null });
    const lookup = bindOperations(OPERATIONS, { ...all, ...implement(listPropertiesOperation, handler) });
    expect(lookup("hostaway_list_properties")).toBe(handler);
    expect(() => lookup("hostaway_nothing")).toThrow("bindOperations: no operation named hostaway_nothing");
  });

  it("names the operations without an implementation, with two, or without a declaration", () => {
    const { hostaway_list_properties: _missing, ...rest } = all;
    expect(() => bindOperations(OPERATIONS, rest)).toThrow("no implementation for hostaway_list_properties");
    expect(() => bindOperations(OPERATIONS, all, { hostaway_get_guest_info: noop })).toThrow(
      "more than one implementation for hostaway_get_guest_info",
    );
    expect(() => bindOperations(OPERATIONS, all, { hostaway_extra: noop })).toThrow(
      "implementations without a declaration: hostaway_extra",
    );
  });
});
