import { createHostawayClient, type HostawayClient } from "@hostaway-mcp/hostaway-client";
import { type Sandbox, type SandboxOptions, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import type { Logger } from "pino";
import { type AppSettings, type AuditLine, createApp, type RunningServer, serve } from "../src/index.js";

export const API_KEY = "test-key-0123456789abcdef";
export const OTHER_KEY = "other-key-0123456789abcdef";

export interface JsonResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are compared field by field
  body: any;
}

export interface Harness {
  sandbox: Sandbox;
  client: HostawayClient;
  server: RunningServer;
  url: string;
  auditLines: AuditLine[];
  /** GET with the test key (unless `headers` says otherwise), body parsed as JSON. */
  get(path: string, headers?: Record<string, string>): Promise<JsonResponse>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  config?: Partial<AppSettings>;
  sandbox?: SandboxOptions;
  /** Client options for fault tests (short timeouts, no retries). */
  client?: { timeoutMs?: number; maxAttempts?: number; secretKey?: string };
  logger?: Logger;
}

/** `createApp()` on a random port, wired to a fresh sandbox without upstream rate limits. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ rateLimits: false, ...options.sandbox });
  const client = createHostawayClient({
    accountId: sandbox.credentials.accountId,
    secretKey: options.client?.secretKey ?? sandbox.credentials.secretKey,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
    retry: { maxAttempts: options.client?.maxAttempts ?? 2, baseDelayMs: 0, maxDelayMs: 0 },
    ...(options.client?.timeoutMs === undefined ? {} : { timeoutMs: options.client.timeoutMs }),
  });
  const auditLines: AuditLine[] = [];
  const app = createApp({
    client,
    config: { apiKeys: [API_KEY, OTHER_KEY], perIpLimit: 0, perKeyLimit: 0, ...options.config },
    audit: (line) => auditLines.push(line),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const server = await serve(app, { port: 0, host: "127.0.0.1" });
  return {
    sandbox,
    client,
    server,
    url: server.url,
    auditLines,
    async get(path, headers = { "X-API-Key": API_KEY }) {
      const response = await fetch(`${server.url}${path}`, { headers });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (e.g. /docs HTML): keep the text
      }
      return { status: response.status, headers: response.headers, body };
    },
    async close() {
      await server.close(1_000);
      client.close();
      await sandbox.close();
    },
  };
}
