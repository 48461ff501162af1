import { describe, expect, test } from "vitest";
import { z } from "zod";
import * as models from "../index.js";

const wireSchemas: Record<string, z.ZodType> = {
  ErrorTypeSchema: models.ErrorTypeSchema,
  MessageChannelSchema: models.MessageChannelSchema,
  SenderTypeSchema: models.SenderTypeSchema,
  DeliveryStatusSchema: models.DeliveryStatusSchema,
  CalendarDayStatusSchema: models.CalendarDayStatusSchema,
  ListingSchema: models.ListingSchema,
  ListingSummarySchema: models.ListingSummarySchema,
  ListingSummaryPageSchema: models.ListingSummaryPageSchema,
  BookingSchema: models.BookingSchema,
  BookingPageSchema: models.BookingPageSchema,
  GuestInfoSchema: models.GuestInfoSchema,
  CalendarDaySchema: models.CalendarDaySchema,
  AvailabilityCalendarSchema: models.AvailabilityCalendarSchema,
  FinancialReportSchema: models.FinancialReportSchema,
  MessageSchema: models.MessageSchema,
  ConversationThreadSchema: models.ConversationThreadSchema,
  MessageSearchCriteriaSchema: models.MessageSearchCriteriaSchema,
  BatchFailureSchema: models.BatchFailureSchema,
  BatchSummarySchema: models.BatchSummarySchema,
  "partialFailureResponseSchema(BookingSchema)": models.partialFailureResponseSchema(models.BookingSchema),
};

const requestSchemas: Record<string, z.ZodType> = {
  ListPropertiesRequestSchema: models.ListPropertiesRequestSchema,
  PropertyDetailsRequestSchema: models.PropertyDetailsRequestSchema,
  CheckAvailabilityRequestSchema: models.CheckAvailabilityRequestSchema,
  SearchBookingsRequestSchema: models.SearchBookingsRequestSchema,
  BookingDetailsRequestSchema: models.BookingDetailsRequestSchema,
  GuestInfoRequestSchema: models.GuestInfoRequestSchema,
  FinancialReportRequestSchema: models.FinancialReportRequestSchema,
  SearchMessagesRequestSchema: models.SearchMessagesRequestSchema,
  ConversationHistoryRequestSchema: models.ConversationHistoryRequestSchema,
  BatchPropertiesRequestSchema: models.BatchPropertiesRequestSchema,
  BatchBookingsRequestSchema: models.BatchBookingsRequestSchema,
};

type JsonSchema = {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: unknown;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

/** Every object property must carry a description, at any depth. Returns the paths that lack one. */
function undescribedProperties(schema: JsonSchema, path = "$"): string[] {
  const missing: string[] = [];
  if (schema.properties) {
    for (const [key, property] of Object.entries(schema.properties)) {
      const described =
        property.description !== undefined || (property.anyOf ?? []).some((o) => o.description !== undefined);
      if (!described) missing.push(`${path}.${key}`);
      missing.push(...undescribedProperties(property, `${path}.${key}`));
    }
  }
  if (schema.items) missing.push(...undescribedProperties(schema.items, `${path}[]`));
  for (const option of schema.anyOf ?? []) missing.push(...undescribedProperties(option, path));
  return missing;
}

function strictObjects(schema: JsonSchema, path = "$"): string[] {
  const loose: string[] = [];
  if (schema.type === "object" && schema.properties && schema.additionalProperties !== false)
    loose.push(path);
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    loose.push(...strictObjects(property, `${path}.${key}`));
  }
  if (schema.items) loose.push(...strictObjects(schema.items, `${path}[]`));
  for (const option of schema.anyOf ?? []) loose.push(...strictObjects(option, path));
  return loose;
}

describe.each(Object.entries({ ...wireSchemas, ...requestSchemas }))("%s", (_name, schema) => {
  test.each(["input", "output"] as const)("converts to JSON Schema (io: %s)", (io) => {
    const json = z.toJSONSchema(schema, { io }) as JsonSchema;
    expect(json.description ?? json.type).toBeDefined();
    expect(undescribedProperties(json)).toEqual([]);
    expect(strictObjects(json)).toEqual([]);
  });
});

test("wire enums have the documented values", () => {
  expect(models.ErrorTypeSchema.options).toEqual([
    "not_found",
    "unauthorized",
    "validation_error",
    "rate_limit",
    "timeout",
    "upstream_error",
    "internal_error",
  ]);
  expect(models.MessageChannelSchema.options).toEqual([
    "email",
    "sms",
    "whatsapp",
    "platform",
    "in_app",
    "other",
  ]);
  expect(models.SenderTypeSchema.options).toEqual(["guest", "property_manager", "system"]);
  expect(models.DeliveryStatusSchema.options).toEqual([
    "sent",
    "delivered",
    "read",
    "failed",
    "scheduled",
    "cancelled",
  ]);
  expect(models.CalendarDayStatusSchema.options).toEqual(["available", "blocked", "reserved", "pending"]);
});

test("no wire object carries door codes, wifi secrets or key pickup", () => {
  const listingKeys = Object.keys(models.ListingSchema.shape).join(" ");
  expect(listingKeys).not.toMatch(/door|wifi|password|key_pickup|special_instruction|contact/i);
  expect(Object.keys(models.BookingSchema.shape).join(" ")).not.toMatch(/door|email|phone|address|zip/i);
});
