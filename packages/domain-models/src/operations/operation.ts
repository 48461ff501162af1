import type { z } from "zod";

/** How an edge names another operation in a next step: MCP by its tool name, REST by `GET /api/...`. */
export type Refer = (operationName: string) => string;

/** The REST face of an operation: its route and the texts of its OpenAPI operation. */
export interface OperationHttp {
  method: "GET" | "POST";
  /** OpenAPI style, e.g. `/api/listings/{id}`. */
  path: string;
  /** Path parameter → request field, e.g. `{ id: "listing_id" }`. */
  pathParams?: Readonly<Record<string, string>>;
  operationId: string;
  tag: string;
  summary: string;
  /** The OpenAPI description (REST callers' words: query syntax, routes). */
  description: string;
  /** The OpenAPI component name of the 200 body. */
  responseName: string;
}

/**
 * How a response budget (characters of JSON; the MCP server's 25,000) shrinks an answer. The operation's
 * implementation applies it; the rule is declared here so both edges and the docs can say what happens.
 */
export type BudgetRule =
  /** One small object (a property, a booking, a guest). */
  | "none"
  /** Trailing items dropped; `next_cursor` resumes right after the last one returned. */
  | "cursor_page"
  /** Days cut at a night boundary; a note names the `start_date` to ask for next. */
  | "calendar_days"
  /** Trailing rows dropped (totals still cover all); `note` says so. */
  | "report_rows"
  /** Trailing messages dropped; a note gives the next `offset`. */
  | "thread_messages"
  /** Messages dropped from the end of the window; `note` gives the next `offset`. */
  | "search_window"
  /** Trailing successful items dropped; `note` lists their ids to ask for again. */
  | "batch_items";

/** What a not-found answer from Hostaway means for one call, and what to do next. */
export interface NotFoundExplanation {
  problem: string;
  nextStep: string;
}

/** One operation, declared once: both edges, the docs and the implementation read this object. */
export interface OperationDeclaration<
  Input extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> {
  /** The MCP tool name and the catalogue key, e.g. `hostaway_get_booking_details`. */
  name: string;
  title: string;
  /** The MCP tool description: when to use it, which sibling to use instead, how it pages. */
  description: string;
  input: Input;
  output: Output;
  http: OperationHttp;
  /** Reads guest contact data or guest messages: audited, and answered with `Cache-Control: no-store`. */
  guestData: boolean;
  /**
   * Writes (a draft, a message to a guest): listed and routed only when the server enables writes, callable only
   * by callers allowed to write (`WRITE_OPERATIONS`).
   */
  write?: boolean;
  /** A write that is safe to repeat with the same input (MCP `idempotentHint`). */
  idempotent?: boolean;
  /** The bookings the audit lines name, one line each (`null`: not tied to one booking). `output` is absent on failure. */
  auditedBookings?: (input: z.output<Input>, output?: z.output<Output>) => Array<number | null>;
  /** What Hostaway's not-found means for this input; the next step names operations through `refer`. */
  notFound: (input: z.output<Input>, refer: Refer) => NotFoundExplanation;
  /** Batches: the next step of a not-found item's remediation. */
  itemNotFoundHint?: (refer: Refer) => string;
  budget: BudgetRule;
}

/** Keeps each declaration's functions typed by its own schemas. */
export function defineOperation<Input extends z.ZodType, Output extends z.ZodType>(
  declaration: OperationDeclaration<Input, Output>,
): OperationDeclaration<Input, Output> {
  return declaration;
}
