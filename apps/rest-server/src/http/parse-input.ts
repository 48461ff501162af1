import { z } from "zod";
import { badRequest, type FieldIssue } from "../errors/api-error.js";

/** A JSON Schema property, as far as telling lists from single values goes. */
interface PropertySchema {
  type?: string | string[];
  anyOf?: PropertySchema[];
  oneOf?: PropertySchema[];
}

/** Parses URL input (path + query strings) against one of domain-models' strict request schemas. */
export interface InputParser<Output> {
  /** The query parameters the route accepts (the schema's fields minus those taken from the path). */
  readonly queryParams: readonly string[];
  parse(raw: Record<string, unknown>): Output;
}

/**
 * The request schemas of domain-models accept the text forms of their values themselves ("20", "true", "1,2,3"),
 * so this adds only what is particular to URLs: unknown parameters are named, a single-valued parameter given
 * twice is refused, and every schema issue becomes a `{ field, message }` pair. The parameter names come from
 * `z.toJSONSchema` of the same schema, so the route, its validation and its OpenAPI description cannot drift apart.
 */
export function createInputParser<Schema extends z.ZodType>(
  schema: Schema,
  pathFields: ReadonlySet<string> = new Set(),
): InputParser<z.output<Schema>> {
  const properties =
    (
      z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
        properties?: Record<string, PropertySchema>;
      }
    ).properties ?? {};
  const listFields = new Set(Object.keys(properties).filter((name) => isList(properties[name]!)));
  const queryParams = Object.keys(properties).filter((name) => !pathFields.has(name));

  return {
    queryParams,
    parse(raw) {
      const unknown = Object.keys(raw).filter((name) => !Object.hasOwn(properties, name));
      if (unknown.length > 0) {
        throw badRequest(
          unknown.map((name) => ({
            field: name,
            message: `${name} is not a parameter of this route (allowed: ${queryParams.join(", ") || "none"})`,
          })),
          { allowed: queryParams },
        );
      }
      const repeated: FieldIssue[] = Object.entries(raw)
        .filter(([name, value]) => Array.isArray(value) && !listFields.has(name))
        .map(([name]) => ({ field: name, message: `${name} was given more than once; pass it once` }));
      if (repeated.length > 0) throw badRequest(repeated, { allowed: queryParams });

      const result = schema.safeParse(raw);
      if (!result.success) {
        throw badRequest(
          result.error.issues.map((issue) => {
            const field = fieldOf(issue);
            return { field, message: messageOf(issue, field, raw) };
          }),
          { allowed: queryParams },
        );
      }
      return result.data;
    },
  };
}

function isList(property: PropertySchema): boolean {
  const variants = property.anyOf ?? property.oneOf ?? [property];
  return variants.some((variant) =>
    Array.isArray(variant.type) ? variant.type.includes("array") : variant.type === "array",
  );
}

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return issue.keys.join(", ");
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
  return issue.message.includes(name) ? issue.message : `${field}: ${issue.message}`;
}
