import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect payloads field by field
  json: any;
}

/** A local webhook receiver: records every request and answers `status` (or never answers when `hang`). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** The statuses to answer, one per request; the last one repeats. */
  statuses: number[] = [200];
  hang = false;
  private readonly hanging = new Set<ServerResponse>();
  private readonly server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      this.received.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        body,
        json,
      });
      if (this.hang) {
        this.hanging.add(response);
        return;
      }
      const status = this.statuses.length > 1 ? (this.statuses.shift() as number) : (this.statuses[0] ?? 200);
      response.writeHead(status, { "content-type": "text/plain" }).end("ok");
    });
  });

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/hostaway`;
  }

  close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A URL nothing listens on (a port that was just freed). */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/hooks`;
}
