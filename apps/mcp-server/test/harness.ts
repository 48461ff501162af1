import {
  createHostawayClient,
  type HostawayClient,
  type HostawayClientOptions,
} from "@hostaway-mcp/hostaway-client";
import { type Sandbox, type SandboxOptions, startSandbox } from "@hostaway-mcp/hostaway-sandbox";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult, Progress } from "@modelcontextprotocol/sdk/types.js";
import { type AuditLog, createAuditLog, createServer } from "../src/index.js";

export interface AuditRecord {
  audit: true;
  tool: string;
  booking_id: number | null;
  caller: string;
  time: string;
  outcome: string;
}

export interface Harness {
  sandbox: Sandbox;
  hostaway: HostawayClient;
  mcp: Client;
  auditLines: AuditRecord[];
  /** Calls a tool and returns the raw result. */
  call(
    name: string,
    args: Record<string, unknown>,
    onprogress?: (progress: Progress) => void,
  ): Promise<CallToolResult>;
  /** Calls a tool that must succeed and returns its structuredContent. */
  ok<T = Record<string, unknown>>(name: string, args: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  /** Client options on top of the test defaults (e.g. `retry: { maxAttempts: 1 }`). */
  client?: Partial<HostawayClientOptions>;
  responseBudget?: number;
}

/**
 * The sandbox (limits off), a Hostaway client on it (no token delay, limits off so tests are fast), the MCP server
 * and an SDK client linked in memory.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ rateLimits: false, ...options.sandbox });
  const hostaway = createHostawayClient({
    accountId: sandbox.credentials.accountId,
    secretKey: sandbox.credentials.secretKey,
    baseUrl: sandbox.url,
    tokenActivationDelayMs: 0,
    rateLimit: { ip: 0, account: 0 },
    ...options.client,
  });
  const auditLines: AuditRecord[] = [];
  const audit: AuditLog = createAuditLog({ write: (line: string) => auditLines.push(JSON.parse(line)) });
  const server = createServer({
    client: hostaway,
    audit,
    ...(options.responseBudget === undefined ? {} : { responseBudget: options.responseBudget }),
  });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  const mcp = new Client({ name: "mcp-server-tests", version: "0.0.0" });
  await Promise.all([server.connect(serverTransport), mcp.connect(clientTransport)]);
  // The SDK client checks structuredContent against each tool's outputSchema once it has listed the tools.
  await mcp.listTools();

  const call: Harness["call"] = async (name, args, onprogress) =>
    (await mcp.callTool(
      { name, arguments: args },
      undefined,
      onprogress ? { onprogress } : {},
    )) as CallToolResult;

  return {
    sandbox,
    hostaway,
    mcp,
    auditLines,
    call,
    async ok<T>(name: string, args: Record<string, unknown>) {
      const result = await call(name, args);
      if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
      return result.structuredContent as T;
    },
    async close() {
      await mcp.close();
      await server.close();
      hostaway.close();
      await sandbox.close();
    },
  };
}

/** The first text block of a result. */
export function textOf(result: CallToolResult): string {
  const block = result.content[0];
  return block?.type === "text" ? block.text : "";
}
