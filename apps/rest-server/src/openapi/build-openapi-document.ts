import type { OperationDeclaration } from "@hostaway-mcp/domain-models";
import { z } from "zod";
import { ErrorResponseSchema } from "../errors/error-response.js";
import { SchemaComponents } from "./schema-components.js";

type JsonObject = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
}

/** Error statuses every API route can answer, with what each means here. */
const COMMON_ERRORS: Record<string, string> = {
  "400":
    "Bad input: `error.details.issues` names each field and what it allows (unknown parameters included).",
  "401": "Missing or wrong API key (send `X-API-Key: <key>` or `Authorization: Bearer <key>`).",
  "403":
    "A foreign `Origin`, or (without API keys, or with ALLOWED_HOSTS) a `Host` this server does not serve.",
  "429": "Inbound rate limit exceeded; see the `Retry-After` and `RateLimit` headers.",
  "502": "Hostaway failed or rejected this server's credentials (`type` says which).",
  "503": "Hostaway's rate limit is exhausted (`type: rate_limit`, `Retry-After` header).",
  "504": "Hostaway did not answer in time (`type: timeout`).",
};

export const HealthSchema = z
  .strictObject({ status: z.literal("ok").describe("Always `ok` while the process serves requests.") })
  .describe("Liveness: the process is up.");
export const ReadySchema = z
  .strictObject({ status: z.literal("ready").describe("`ready` once a Hostaway token can be obtained.") })
  .describe("Readiness: Hostaway accepts this server's credentials.");

/**
 * The OpenAPI 3.1 description of the app, generated from the same route definitions (and so the same zod request
 * and wire schemas) that Express serves.
 */
export function buildOpenApiDocument(
  operations: readonly OperationDeclaration[],
  info: OpenApiInfo,
): JsonObject {
  const components = new SchemaComponents();
  const errorRef = components.ref("ErrorResponse", ErrorResponseSchema);
  const responses: Record<string, JsonObject> = {};
  for (const [status, description] of Object.entries({
    ...COMMON_ERRORS,
    "404": "No such item (or no such route).",
  })) {
    responses[`Error${status}`] = {
      description,
      ...(status === "429" || status === "503" ? { headers: rateLimitHeaders(status) } : {}),
      content: { "application/json": { schema: errorRef } },
    };
  }

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const operation of operations) {
    paths[operation.http.path] = {
      [operation.http.method.toLowerCase()]: operationFor(operation, components),
    };
  }
  Object.assign(paths, publicPaths(components));

  return {
    openapi: "3.1.0",
    info: { ...info, license: { name: "MIT", identifier: "MIT" } },
    tags: [...new Set(operations.map((operation) => operation.http.tag)), "Operations"].map((name) => ({
      name,
    })),
    security: [{ ApiKeyHeader: [] }, { BearerAuth: [] }],
    paths,
    components: {
      schemas: components.schemas,
      responses,
      securitySchemes: {
        ApiKeyHeader: {
          type: "apiKey",
          in: "header",
          name: "X-API-Key",
          description: "One of the keys in API_KEYS.",
        },
        BearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "One of the keys in API_KEYS, as a bearer token.",
        },
      },
    },
  };
}

function operationFor(operation: OperationDeclaration, components: SchemaComponents): JsonObject {
  const route = operation.http;
  const input = components.inline(operation.input, "input") as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  const output = components.inline(operation.input, "output") as { properties?: Record<string, JsonObject> };
  const required = new Set(input.required ?? []);
  const pathFields = new Map(Object.entries(route.pathParams ?? {}).map(([param, field]) => [field, param]));

  const parameters = Object.entries(output.properties ?? {}).map(([field, property]) => {
    const { description, ...schema } = property;
    const inPath = pathFields.get(field);
    const isList = schema.type === "array";
    return {
      name: inPath ?? field,
      in: inPath === undefined ? "query" : "path",
      required: inPath !== undefined || required.has(field),
      ...(typeof description === "string" ? { description } : {}),
      schema,
      // Lists are comma-separated: `?property_ids=1,2,3`.
      ...(isList ? { style: "form", explode: false } : {}),
    };
  });

  const errorStatuses = [
    ...Object.keys(COMMON_ERRORS),
    // An id in the path can name something Hostaway does not have.
    ...(route.pathParams === undefined ? [] : ["404"]),
  ].sort();
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    description: route.description,
    parameters,
    responses: {
      "200": {
        description: route.summary,
        content: { "application/json": { schema: components.ref(route.responseName, operation.output) } },
      },
      ...Object.fromEntries(
        errorStatuses.map((status) => [status, { $ref: `#/components/responses/Error${status}` }]),
      ),
    },
  };
}

function rateLimitHeaders(status: string): JsonObject {
  const retryAfter = {
    description: "Seconds to wait before retrying.",
    schema: { type: "integer", minimum: 0 },
  };
  if (status === "503") return { "Retry-After": retryAfter };
  return {
    "Retry-After": retryAfter,
    RateLimit: {
      description: 'Remaining quota (IETF draft-8), e.g. `"per-ip"; r=0; t=7`.',
      schema: { type: "string" },
    },
    "RateLimit-Policy": {
      description: 'The quota policy (IETF draft-8), e.g. `"per-ip"; q=15; w=10`.',
      schema: { type: "string" },
    },
  };
}

/** /health, /ready, /openapi.json and /docs need no key (so probes and API explorers work). */
function publicPaths(components: SchemaComponents): Record<string, Record<string, JsonObject>> {
  const json = (schema: unknown) => ({ "application/json": { schema } });
  return {
    "/health": {
      get: {
        operationId: "health",
        tags: ["Operations"],
        summary: "Liveness",
        description: "Answers 200 while the process is up. Public (no API key).",
        security: [],
        responses: { "200": { description: "Up.", content: json(components.ref("Health", HealthSchema)) } },
      },
    },
    "/ready": {
      get: {
        operationId: "ready",
        tags: ["Operations"],
        summary: "Readiness",
        description:
          "Answers 200 when a Hostaway access token can be obtained (checked upstream, then trusted for a short while), 503 otherwise. Public (no API key); counts against the per-IP limit.",
        security: [],
        responses: {
          "200": { description: "Ready.", content: json(components.ref("Ready", ReadySchema)) },
          "429": { $ref: "#/components/responses/Error429" },
          "503": {
            description: "Not ready: Hostaway is unreachable or rejects the credentials.",
            content: json({ $ref: "#/components/schemas/ErrorResponse" }),
          },
        },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "openapi",
        tags: ["Operations"],
        summary: "This OpenAPI 3.1 document",
        description: "Public (no API key).",
        security: [],
        responses: { "200": { description: "The document.", content: json({ type: "object" }) } },
      },
    },
    "/docs": {
      get: {
        operationId: "docs",
        tags: ["Operations"],
        summary: "API reference page (Swagger UI)",
        description:
          "Swagger UI rendering this document, served with its own bundled assets. Public (no API key).",
        security: [],
        responses: {
          "200": { description: "An HTML page.", content: { "text/html": { schema: { type: "string" } } } },
        },
      },
    },
  };
}
