import type { z } from "zod";
import type { OperationDeclaration, Refer } from "./operation.js";

/** Progress of an operation that reads several pages or items. */
export interface OperationProgress {
  done: number;
  total?: number | undefined;
  /** What has been done, in words, e.g. "scanned 200 bookings". */
  message: string;
}

/** What every implementation receives beside its input. */
export interface OperationContext {
  /** Cancels the operation, from the rate-limit queue to the socket. */
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: OperationProgress) => void) | undefined;
  /** Most characters the answer's JSON may take (the MCP server's 25,000); none: unlimited. */
  responseBudget?: number | undefined;
  /** A note beside an answer whose schema has no `note` field (a cut calendar, a trimmed thread page). */
  onNote?: ((text: string) => void) | undefined;
  /** How this edge names another operation in a next step. */
  refer: Refer;
  /** Who calls (an audit id: a hash of the API key, `stdio`, …): writes bind their drafts to it. */
  caller?: string | undefined;
  /**
   * Asks the user to approve `preview` where the client can (MCP elicitation): `accepted`, `declined`, or
   * `unsupported` (the caller must then confirm in its input).
   */
  confirm?: ((preview: string) => Promise<"accepted" | "declined" | "unsupported">) | undefined;
}

/** One operation's implementation: the input its schema parsed, the wire object its output schema allows. */
export type OperationHandler<Client, Operation extends OperationDeclaration = OperationDeclaration> = (
  client: Client,
  input: z.output<Operation["input"]>,
  context: OperationContext,
) => Promise<z.output<Operation["output"]>>;

/** A package's implementations, by operation name. */
// biome-ignore lint/suspicious/noExplicitAny: each entry is typed by its own declaration where it is written.
export type OperationTable<Client> = Readonly<Record<string, OperationHandler<Client, any>>>;

/** Pairs a declaration with its implementation, type-checked against the declaration's schemas. */
export function implement<Client, Operation extends OperationDeclaration>(
  operation: Operation,
  handler: OperationHandler<Client, Operation>,
): Record<string, OperationHandler<Client, Operation>> {
  return { [operation.name]: handler };
}

/**
 * Binds the catalogue to the packages' tables: every declared operation must have exactly one implementation, and
 * every implementation a declaration. Throws at start-up, naming what is missing or doubled.
 */
export function bindOperations<Client>(
  catalogue: readonly OperationDeclaration[],
  ...tables: OperationTable<Client>[]
): (name: string) => OperationHandler<Client> {
  const handlers = new Map<string, OperationHandler<Client>>();
  const doubled: string[] = [];
  for (const table of tables) {
    for (const [name, handler] of Object.entries(table)) {
      if (handlers.has(name)) doubled.push(name);
      handlers.set(name, handler);
    }
  }
  const declared = new Set(catalogue.map((operation) => operation.name));
  const missing = catalogue
    .filter((operation) => !handlers.has(operation.name))
    .map((operation) => operation.name);
  const undeclared = [...handlers.keys()].filter((name) => !declared.has(name));
  const problems = [
    missing.length > 0 ? `no implementation for ${missing.join(", ")}` : "",
    doubled.length > 0 ? `more than one implementation for ${doubled.join(", ")}` : "",
    undeclared.length > 0 ? `implementations without a declaration: ${undeclared.join(", ")}` : "",
  ].filter((problem) => problem !== "");
  if (problems.length > 0) throw new Error(`bindOperations: ${problems.join("; ")}`);
  return (name) => {
    const handler = handlers.get(name);
    if (handler === undefined) throw new Error(`bindOperations: no operation named ${name}`);
    return handler;
  };
}
