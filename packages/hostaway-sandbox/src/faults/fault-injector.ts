import type { IncomingMessage } from "node:http";

export type FaultKind = "status" | "rate_limit" | "hang" | "reset" | "malformed_json" | "fail_200";

export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /**
   * Path to match, without the query string: a RegExp, an exact path (`"/v1/listings/40160"`) or a route
   * template (`"/v1/reservations/:id"`).
   */
  path: string | RegExp;
  kind: FaultKind;
  /** For `kind: "status"`: 500, 502, 503 (any 4xx/5xx is accepted). */
  status?: number;
  /** For `status` and `rate_limit`: a `Retry-After` header value in seconds. */
  retryAfterSeconds?: number;
  /** How many matching requests to disturb before the fault retires (default: unlimited). */
  times?: number;
  /** Extra predicate on the request (headers, query…). */
  match?: (request: IncomingMessage) => boolean;
}

export interface FaultHandle {
  readonly id: number;
  /** How many requests this fault has disturbed so far. */
  readonly hits: number;
  /** Retires the fault. */
  remove(): void;
}

interface ActiveFault {
  id: number;
  spec: FaultSpec;
  hits: number;
}

/** Holds the injected faults; the first active match wins, in injection order. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  inject(spec: FaultSpec): FaultHandle {
    validate(spec);
    const fault: ActiveFault = { id: this.nextId++, spec, hits: 0 };
    this.faults.push(fault);
    return {
      id: fault.id,
      get hits() {
        return fault.hits;
      },
      remove: () => this.remove(fault.id),
    };
  }

  remove(id: number): void {
    this.faults = this.faults.filter((fault) => fault.id !== id);
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault to apply to this request, if any; counts the hit and retires a fault that is used up. */
  take(request: IncomingMessage, pathname: string, routeTemplate: string | undefined): FaultSpec | undefined {
    const method = (request.method ?? "GET").toUpperCase();
    const fault = this.faults.find(({ spec }) => {
      if (spec.method && spec.method.toUpperCase() !== method) return false;
      const pathMatches =
        spec.path instanceof RegExp
          ? spec.path.test(pathname)
          : spec.path === pathname || (routeTemplate !== undefined && spec.path === routeTemplate);
      return pathMatches && (spec.match ? spec.match(request) : true);
    });
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.spec.times !== undefined && fault.hits >= fault.spec.times) this.remove(fault.id);
    return fault.spec;
  }
}

const KINDS: readonly FaultKind[] = ["status", "rate_limit", "hang", "reset", "malformed_json", "fail_200"];

function validate(spec: FaultSpec): void {
  if (!KINDS.includes(spec.kind)) {
    throw new TypeError(
      `injectFault: "kind" must be one of ${KINDS.join(", ")}, got ${JSON.stringify(spec.kind)}`,
    );
  }
  if (typeof spec.path !== "string" && !(spec.path instanceof RegExp)) {
    throw new TypeError('injectFault: "path" must be a string or a RegExp');
  }
  if (spec.kind === "status" && (spec.status === undefined || spec.status < 400 || spec.status > 599)) {
    throw new TypeError(
      `injectFault: kind "status" needs a "status" between 400 and 599, got ${spec.status}`,
    );
  }
  if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 1)) {
    throw new TypeError(`injectFault: "times" must be a positive integer, got ${spec.times}`);
  }
}
