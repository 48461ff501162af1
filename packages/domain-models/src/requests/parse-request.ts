import { z } from "zod";
import { MAX_LISTED_NAMES, quoteValue } from "./bounded-echo.js";

/** How much of an unknown parameter's name is quoted: names are short, ten of them must stay a short answer. */
const UNKNOWN_NAME_CHARACTERS = 40;

/** One problem with one input field: the field and what it allows, as a phrase that names the field. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Why input was refused: its problems (at most 10 listed, then one that counts the rest) and the parameters taken. */
export interface RequestProblem {
  issues: FieldIssue[];
  allowed: string[];
}

export type ParsedRequest<Output> = { ok: true; value: Output } | { ok: false; problem: RequestProblem };

/** A JSON Schema property, as far as telling lists from single values goes. */
interface PropertySchema {
  type?: string | string[];
  anyOf?: PropertySchema[];
  oneOf?: PropertySchema[];
}

interface SchemaShape {
  properties: Record<string, PropertySchema>;
  listFields: Set<string>;
}

const shapes = new WeakMap<z.ZodType, SchemaShape>();

/** The properties of a request schema, from `z.toJSONSchema` of that schema (so routes, checks and docs agree). */
function shapeOf(schema: z.ZodType): SchemaShape {
  let shape = shapes.get(schema);
  if (shape === undefined) {
    const properties =
      (
        z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
          properties?: Record<string, PropertySchema>;
        }
      ).properties ?? {};
    const listFields = new Set(
      Object.keys(properties).filter((name) => isList(properties[name] as PropertySchema)),
    );
    shape = { properties, listFields };
    shapes.set(schema, shape);
  }
  return shape;
}

/** The parameters a request takes, minus those that come from the path. */
export function requestParameters(schema: z.ZodType, pathFields: ReadonlySet<string> = new Set()): string[] {
  return Object.keys(shapeOf(schema).properties).filter((name) => !pathFields.has(name));
}

/**
 * Parses one operation's input — MCP tool arguments, or a REST route's path and query parameters — against its
 * strict request schema, with the same rules and messages on both edges: unknown parameters are named (at most
 * 10, then how many more), a single-valued parameter given twice is refused, and every schema issue becomes a
 * `{ field, message }` that names the field. A message quotes at most 100 characters of any caller value.
 */
export function parseRequest<Schema extends z.ZodType>(
  schema: Schema,
  raw: Record<string, unknown>,
  options: { pathFields?: ReadonlySet<string> } = {},
): ParsedRequest<z.output<Schema>> {
  const { properties, listFields } = shapeOf(schema);
  const allowed = requestParameters(schema, options.pathFields);
  const unknown = Object.keys(raw).filter((name) => !Object.hasOwn(properties, name));
  if (unknown.length > 0) {
    // The allowed names are said once (and are in `allowed`), so ten refused names stay a short answer.
    const issues = unknown.slice(0, MAX_LISTED_NAMES).map((name, index) => ({
      field: quoteValue(name, UNKNOWN_NAME_CHARACTERS).slice(1, -1),
      message:
        `${quoteValue(name, UNKNOWN_NAME_CHARACTERS)} is not a parameter of this operation` +
        (index === 0 ? ` (allowed: ${allowed.join(", ") || "none"})` : ""),
    }));
    return {
      ok: false,
      problem: { issues: withCount(issues, unknown.length, "unknown parameters"), allowed },
    };
  }
  const repeated = Object.entries(raw)
    .filter(([name, value]) => Array.isArray(value) && !listFields.has(name))
    .map(([name]) => ({ field: name, message: `${name} was given more than once; pass it once` }));
  if (repeated.length > 0) return { ok: false, problem: { issues: repeated, allowed } };

  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, MAX_LISTED_NAMES).map((issue) => {
    const field = fieldOf(issue);
    return { field, message: messageOf(issue, field, raw) };
  });
  return {
    ok: false,
    problem: { issues: withCount(issues, result.error.issues.length, "problems"), allowed },
  };
}

/** The listed issues, plus one that counts those left out: `and 1,990 more unknown parameters`. */
function withCount(listed: FieldIssue[], total: number, noun: string): FieldIssue[] {
  const more = total - listed.length;
  if (more <= 0) return listed;
  return [...listed, { field: `(${noun})`, message: `and ${more.toLocaleString("en-US")} more ${noun}` }];
}

function isList(property: PropertySchema): boolean {
  const variants = property.anyOf ?? property.oneOf ?? [property];
  return variants.some((variant) =>
    Array.isArray(variant.type) ? variant.type.includes("array") : variant.type === "array",
  );
}

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return issue.keys.slice(0, MAX_LISTED_NAMES).join(", ");
  const [head, ...rest] = issue.path;
  if (head === undefined) return "(request)";
  return rest.reduce<string>((path, key) => `${path}[${String(key)}]`, String(head));
}

/** A whole phrase that names the field: domain-models' messages already do, zod's defaults get a prefix. */
function messageOf(issue: z.core.$ZodIssue, field: string, raw: Record<string, unknown>): string {
  if (issue.code === "invalid_type" && issue.path.length === 1 && raw[field] === undefined) {
    return `${field} is required`;
  }
  const [head] = issue.path;
  const name = head === undefined ? field : String(head);
  const message = boundQuotes(issue.message);
  return message.includes(name) ? message : `${field}: ${message}`;
}

/** A last bound: no issue message, whoever wrote it, grows with the caller's input. */
function boundQuotes(message: string): string {
  return message.length > 300 ? `${message.slice(0, 299)}…` : message;
}
