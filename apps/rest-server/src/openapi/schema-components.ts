import { z } from "zod";

type JsonObject = Record<string, unknown>;

/**
 * Turns zod schemas into OpenAPI 3.1 component schemas (JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
 * Schemas that zod lifts into `$defs` (ids set with `.meta({ id })`) become components of their own, and their
 * `#/$defs/…` references are rewritten to `#/components/schemas/…`, because inside an OpenAPI document `#` means
 * the document root.
 */
export class SchemaComponents {
  readonly schemas: Record<string, JsonObject> = {};

  /** Adds `schema` under `name` (once) and returns a `$ref` to it. */
  ref(name: string, schema: z.ZodType): { $ref: string } {
    if (!(name in this.schemas)) this.schemas[name] = this.inline(schema, "output");
    return { $ref: `#/components/schemas/${name}` };
  }

  /** The JSON Schema of `schema` for use in place (e.g. a parameter), with its `$defs` lifted to components. */
  inline(schema: z.ZodType, io: "input" | "output"): JsonObject {
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: "any",
      target: "draft-2020-12",
    }) as JsonObject;
    const { $schema: _dialect, $defs, ...rest } = json;
    for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, JsonObject>)) {
      this.schemas[name] ??= rewriteRefs(definition) as JsonObject;
    }
    return rewriteRefs(rest) as JsonObject;
  }
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === "$ref" && typeof inner === "string"
        ? inner.replace(/^#\/\$defs\//, "#/components/schemas/")
        : rewriteRefs(inner),
    ]),
  );
}
