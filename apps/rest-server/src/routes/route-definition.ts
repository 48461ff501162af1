import type { HostawayClient } from "@hostaway-mcp/hostaway-client";
import type { Logger } from "pino";
import type { z } from "zod";

/** What a route handler gets besides its parsed input. */
export interface RouteContext {
  client: HostawayClient;
  /** Fires when the caller goes away, so upstream requests stop too. */
  signal: AbortSignal;
  logger: Logger;
}

/**
 * One API route, described once: Express registration, input validation, the audit line and the OpenAPI
 * operation are all derived from this object, so they cannot disagree.
 */
export interface RouteDefinition<Request extends z.ZodType = z.ZodType> {
  operationId: string;
  /** OpenAPI-style path, e.g. `/api/listings/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description: string;
  /** The shared request schema of domain-models (the MCP tool's input schema too). */
  request: Request;
  /** Path parameter → request field, e.g. `{ id: "listing_id" }`. */
  pathParams?: Readonly<Record<string, string>>;
  /** The wire schema of the 200 body. */
  response: z.ZodType;
  /** Component name of the response schema in the OpenAPI document. */
  responseName: string;
  /** For routes that take an id: the 404 message (which id, and which route lists valid ones). */
  notFound?: (input: z.output<Request>) => string;
  /** Guest-data or message access: the request field holding the booking id for the audit line. */
  auditBookingField?: string;
  handle(input: z.output<Request>, context: RouteContext): Promise<unknown>;
}

/** Identity helper that keeps `handle`'s input typed by the request schema. */
export function defineRoute<Request extends z.ZodType>(
  route: RouteDefinition<Request>,
): RouteDefinition<Request> {
  return route;
}

/** `/api/listings/{id}` → `/api/listings/:id` */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}
