import { OPERATIONS, type OperationDeclaration, type Refer } from "@hostaway-mcp/domain-models";

/** `/api/listings/{id}` → `/api/listings/:id` */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

/** A REST caller is pointed at another operation by its route: `GET /api/bookings`. */
export const referByRoute: Refer = (operationName) => {
  const http = OPERATIONS.find((operation) => operation.name === operationName)?.http;
  return http === undefined ? operationName : `${http.method} ${http.path}`;
};

/** Each route as a pattern over the raw (undecoded) path, with the request field of each path parameter. */
const patterns = OPERATIONS.map((operation) => {
  const params: string[] = [];
  const source = operation.http.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    params.push(name);
    return "([^/]+)";
  });
  return { operation, regex: new RegExp(`^${source}/?$`), params };
});

/** The operation whose route matches `path`, whatever the method (for 405 and for naming a bad path segment). */
export function operationAt(
  path: string,
): { operation: OperationDeclaration; segments: Record<string, string> } | undefined {
  for (const { operation, regex, params } of patterns) {
    const match = regex.exec(path);
    if (match === null) continue;
    const segments = Object.fromEntries(params.map((name, index) => [name, match[index + 1] ?? ""]));
    return { operation, segments };
  }
  return undefined;
}

/** The path parameter a bad percent-encoding broke, when the path is one of ours. */
export function undecodablePathField(path: string): string | undefined {
  const match = operationAt(path);
  if (match === undefined) return undefined;
  const pathParams = match.operation.http.pathParams ?? {};
  for (const [param, segment] of Object.entries(match.segments)) {
    try {
      decodeURIComponent(segment);
    } catch {
      return pathParams[param] ?? param;
    }
  }
  return undefined;
}
