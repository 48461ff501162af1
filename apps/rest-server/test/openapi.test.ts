import { OPERATIONS } from "@hostaway-mcp/domain-models";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

let h: Harness;
// biome-ignore lint/suspicious/noExplicitAny: the document is inspected as plain JSON
let doc: any;
beforeAll(async () => {
  h = await startHarness();
  doc = (await h.get("/openapi.json", {})).body;
});
afterAll(async () => h?.close());

/** Every `$ref` in the document, with where it was found. */
function refsIn(value: unknown, at = "#"): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((item, i) => refsIn(item, `${at}/${i}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "$ref" && typeof inner === "string"
      ? [[at, inner] as [string, string]]
      : refsIn(inner, `${at}/${key}`),
  );
}

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, "/")],
      doc,
    );
}

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(doc.openapi).toBe("3.1.0");
  });

  it("has no dangling $ref", () => {
    for (const [at, ref] of refsIn(doc)) {
      expect(ref, `${at} → ${ref}`).toMatch(/^#\//);
      expect(resolve(ref), `${at} → ${ref}`).toBeDefined();
    }
  });

  it("lists every route with its parameters and a 200 response schema", () => {
    const expectedPaths = [
      "/api/listings",
      "/api/listings/{id}",
      "/api/listings/{id}/calendar",
      "/api/bookings",
      "/api/bookings/{id}",
      "/api/bookings/{id}/guest",
      "/api/financial/report",
      "/api/messages",
      "/api/messages/conversation/{booking_id}",
      "/api/batch/properties",
      "/api/batch/bookings",
      "/health",
      "/ready",
      "/openapi.json",
      "/docs",
    ];
    expect(Object.keys(doc.paths).sort()).toEqual([...expectedPaths].sort());
    expect(OPERATIONS.map((operation) => operation.http.path).sort()).toEqual(
      expectedPaths.filter((p) => p.startsWith("/api")).sort(),
    );

    const expectedParameters: Record<string, string[]> = {
      "/api/listings": ["limit", "cursor", "city", "match"],
      "/api/listings/{id}": ["id"],
      "/api/listings/{id}/calendar": ["id", "start_date", "end_date"],
      "/api/bookings": [
        "guest_name",
        "guest_email",
        "listing_id",
        "arrival_start",
        "arrival_end",
        "departure_start",
        "departure_end",
        "channel",
        "status",
        "limit",
        "cursor",
      ],
      "/api/bookings/{id}": ["id"],
      "/api/bookings/{id}/guest": ["id"],
      "/api/financial/report": ["start_date", "end_date", "listing_ids", "date_type"],
      "/api/messages": ["booking_id", "guest_name", "start_date", "end_date", "channels", "limit", "offset"],
      "/api/messages/conversation/{booking_id}": ["booking_id", "limit", "offset", "include_scheduled"],
      "/api/batch/properties": ["property_ids"],
      "/api/batch/bookings": ["booking_ids"],
    };
    for (const [path, names] of Object.entries(expectedParameters)) {
      const operation = doc.paths[path].get;
      expect(operation.parameters.map((p: { name: string }) => p.name).sort(), path).toEqual(
        [...names].sort(),
      );
      for (const parameter of operation.parameters) {
        expect(parameter.in).toBe(path.includes(`{${parameter.name}}`) ? "path" : "query");
        expect(parameter.schema.type, `${path} ${parameter.name}`).toBeDefined();
        expect(typeof parameter.description, `${path} ${parameter.name}`).toBe("string");
      }
      const schema = resolve(operation.responses["200"].content["application/json"].schema.$ref) as {
        type: string;
        properties: object;
      };
      expect(schema.type, path).toBe("object");
      expect(Object.keys(schema.properties).length, path).toBeGreaterThan(0);
      expect(operation.responses["400"].$ref).toBe("#/components/responses/Error400");
      expect(operation.responses["401"].$ref).toBe("#/components/responses/Error401");
      expect(operation.responses["429"].$ref).toBe("#/components/responses/Error429");
      expect(operation.summary.length).toBeGreaterThan(0);
      expect(operation.operationId).toMatch(/^[a-zA-Z]+$/);
    }
    expect(doc.paths["/api/listings/{id}"].get.responses["404"]).toBeDefined();
    expect(doc.paths["/api/batch/properties"].get.responses["404"]).toBeUndefined();
  });

  it("describes required fields, defaults, bounds and comma-separated lists from the zod schemas", () => {
    const params = (path: string) =>
      Object.fromEntries(doc.paths[path].get.parameters.map((p: { name: string }) => [p.name, p]));
    const listings = params("/api/listings");
    expect(listings.limit).toMatchObject({
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
    });
    const calendar = params("/api/listings/{id}/calendar");
    expect(calendar.id).toMatchObject({ in: "path", required: true, schema: { type: "integer" } });
    expect(calendar.start_date).toMatchObject({ required: true, schema: { type: "string", format: "date" } });
    const batch = params("/api/batch/properties");
    expect(batch.property_ids).toMatchObject({
      required: true,
      style: "form",
      explode: false,
      schema: { type: "array", minItems: 1, maxItems: 50, items: { type: "integer" } },
    });
    const report = params("/api/financial/report");
    expect(report.date_type.schema).toMatchObject({
      enum: ["arrivalDate", "departureDate", "reservationDate"],
      default: "arrivalDate",
    });
  });

  it("documents the error body, the 429 headers and both security schemes; probes are public", () => {
    const error = doc.components.schemas.ErrorResponse;
    expect(error.properties.error.required).toEqual(["type", "message", "details"]);
    expect(error.properties.error.properties.type.enum).toContain("validation_error");
    expect(Object.keys(doc.components.responses.Error429.headers)).toEqual([
      "Retry-After",
      "RateLimit",
      "RateLimit-Policy",
    ]);
    expect(doc.components.securitySchemes).toEqual({
      ApiKeyHeader: expect.objectContaining({ type: "apiKey", in: "header", name: "X-API-Key" }),
      BearerAuth: expect.objectContaining({ type: "http", scheme: "bearer" }),
    });
    expect(doc.security).toEqual([{ ApiKeyHeader: [] }, { BearerAuth: [] }]);
    for (const path of ["/health", "/ready", "/openapi.json", "/docs"])
      expect(doc.paths[path].get.security).toEqual([]);
    expect(doc.paths["/api/listings"].get.security).toBeUndefined();
  });
});

describe("GET /docs", () => {
  it("serves Swagger UI with its own bundled assets (no CDN) under the security headers", async () => {
    const redirect = await fetch(`${h.url}/docs`, { redirect: "manual" });
    expect([200, 301, 302]).toContain(redirect.status);
    const page = await h.get("/docs/", {});
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.body).toContain("swagger-ui");
    expect(page.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs|jsdelivr)/);
    const scripts = [...(page.body as string).matchAll(/<script src="\.\/([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toContain("swagger-ui-bundle.js");
    for (const script of scripts) {
      const asset = await fetch(`${h.url}/docs/${script}`);
      expect(asset.status, script).toBe(200);
      await asset.arrayBuffer();
    }
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
  });
});
