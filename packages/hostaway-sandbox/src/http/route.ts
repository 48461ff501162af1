import type { TokenRegistry } from "../auth/token-registry.js";
import type { DatasetIndex } from "../dataset/dataset-index.js";
import type { LiveDataset } from "../live/live-dataset.js";
import type { Params } from "./query.js";

export type FinanceReporting = "on" | "forbidden" | "not_found";

/** What a handler sees of the sandbox's current settings. */
export interface RouteSettings {
  pageSizeCap: number;
  financeReporting: FinanceReporting;
  anchorMs: number;
}

export interface RouteContext {
  query: Params;
  /** Form fields of a form-encoded POST body (empty for other requests). */
  form: Params;
  /** The raw request body and its content type (for the JSON write endpoints). */
  body: string;
  contentType: string | undefined;
  path: Record<string, string>;
  /** The index as of this request (edits replace it). */
  index: DatasetIndex;
  /** Where the write endpoints record their edits. */
  live: LiveDataset;
  settings: RouteSettings;
  tokens: TokenRegistry;
  credentials: SandboxCredentials;
}

export interface SandboxCredentials {
  /** The Hostaway account id, sent as `client_id`. */
  accountId: string;
  /** The API secret, sent as `client_secret`. */
  secretKey: string;
}

export interface RouteResponse {
  status: number;
  /** JSON-serialised unless `text` is set. */
  body: unknown;
  /** A non-JSON answer (the CSV finance reports), sent as is with `contentType`. */
  text?: string;
  contentType?: string;
}

export interface Route {
  method: string;
  /** e.g. `/v1/reservations/:id` — also the key in `stats().byRoute`. */
  template: string;
  /** False for the token endpoint, which is how a client gets a token. */
  requiresToken: boolean;
  handle(context: RouteContext): RouteResponse;
}

export const ok = (body: unknown): RouteResponse => ({ status: 200, body });

/** A numeric path id; anything else cannot exist, so it answers like an unknown id. */
export function pathId(context: RouteContext, name: string): number {
  const raw = context.path[name] ?? "";
  return /^\d{1,15}$/.test(raw) ? Number(raw) : -1;
}

export interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.template.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}

export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  pathname: string,
): { route: Route; path: Record<string, string> } | undefined {
  for (const compiled of routes) {
    if (compiled.route.method !== method) continue;
    const match = compiled.pattern.exec(pathname);
    if (!match) continue;
    const path: Record<string, string> = {};
    compiled.names.forEach((name, i) => {
      path[name] = safeDecode(match[i + 1] ?? "");
    });
    return { route: compiled.route, path };
  }
  return undefined;
}

/** A malformed escape (`%E0`) stays as sent, so the id simply does not exist. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
