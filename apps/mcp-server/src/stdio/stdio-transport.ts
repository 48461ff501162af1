import type { Readable, Writable } from "node:stream";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { type JSONRPCMessage, JSONRPCMessageSchema } from "@modelcontextprotocol/sdk/types.js";
import type { Logger } from "../logger.js";

/** The largest frame (one line of JSON-RPC) accepted; the SDK's own stdio reader stops at 10 MB too. */
export const MAX_STDIO_FRAME_BYTES = 10 * 1024 * 1024;
/** Bytes of an oversized frame kept to find its `id`, so the error reply can name the request it answers. */
const ID_SCAN_BYTES = 4096;

export interface StdioTransportOptions {
  stdin: Readable;
  stdout: Writable;
  logger: Logger;
  maxFrameBytes?: number;
  /** stdin ended: the client hung up; nothing more will arrive. */
  onEnd(): void;
  /** The transport cannot go on (stdin or stdout failed). */
  onFailure(error: Error): void;
}

/**
 * Newline-delimited JSON-RPC over stdio that survives bad input. The SDK's reader ends the process on a frame over
 * 10 MB and answers nothing to invalid JSON; here an oversized, malformed or non-JSON-RPC frame gets a JSON-RPC
 * error (with the request's id when it can be found), is logged at warn without its content, and the server keeps
 * serving. Only the end of stdin or a failed stream stops it.
 */
export class StdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  readonly #options: StdioTransportOptions;
  readonly #maxFrameBytes: number;
  #chunks: Buffer[] = [];
  #frameBytes = 0;
  /** Set while the current frame is over the limit: its bytes are dropped, its head kept to find an id. */
  #oversized: { head: Buffer; bytes: number } | undefined;
  #closed = false;

  constructor(options: StdioTransportOptions) {
    this.#options = options;
    this.#maxFrameBytes = options.maxFrameBytes ?? MAX_STDIO_FRAME_BYTES;
  }

  async start(): Promise<void> {
    const { stdin, stdout } = this.#options;
    stdin.on("data", this.#onData);
    stdin.once("end", this.#onEnd);
    stdin.on("error", this.#onStreamError);
    stdout.on("error", this.#onStreamError);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) return;
    const line = `${JSON.stringify(message)}\n`;
    await new Promise<void>((resolve) => {
      if (this.#options.stdout.write(line)) resolve();
      else this.#options.stdout.once("drain", resolve);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const { stdin, stdout } = this.#options;
    stdin.off("data", this.#onData);
    stdin.off("end", this.#onEnd);
    stdin.off("error", this.#onStreamError);
    stdout.off("error", this.#onStreamError);
    this.#chunks = [];
    this.onclose?.();
  }

  readonly #onData = (chunk: Buffer | string): void => {
    let data = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    for (let newline = data.indexOf(10); newline !== -1; newline = data.indexOf(10)) {
      this.#append(data.subarray(0, newline));
      this.#endFrame();
      data = data.subarray(newline + 1);
    }
    if (data.length > 0) this.#append(data);
  };

  #append(part: Buffer): void {
    if (this.#oversized !== undefined) {
      this.#oversized.bytes += part.length;
      return;
    }
    if (this.#frameBytes + part.length > this.#maxFrameBytes) {
      const head = Buffer.concat([...this.#chunks, part]).subarray(0, ID_SCAN_BYTES);
      this.#oversized = { head, bytes: this.#frameBytes + part.length };
      this.#chunks = [];
      this.#frameBytes = 0;
      return;
    }
    this.#chunks.push(part);
    this.#frameBytes += part.length;
  }

  #endFrame(): void {
    if (this.#oversized !== undefined) {
      const { head, bytes } = this.#oversized;
      this.#oversized = undefined;
      this.#options.logger.warn({ bytes, limit: this.#maxFrameBytes }, "stdio: frame too large, skipped");
      this.#reply(
        idIn(head.toString("utf8")),
        -32600,
        `Request too large: the limit is ${this.#maxFrameBytes} bytes.`,
      );
      return;
    }
    const line = Buffer.concat(this.#chunks).toString("utf8").replace(/\r$/, "");
    this.#chunks = [];
    this.#frameBytes = 0;
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      this.#options.logger.warn({ bytes: line.length }, "stdio: frame is not valid JSON, skipped");
      this.#reply(null, -32700, "Parse error: the message is not valid JSON.");
      return;
    }
    const message = JSONRPCMessageSchema.safeParse(parsed);
    if (!message.success) {
      this.#options.logger.warn({ bytes: line.length }, "stdio: frame is not a JSON-RPC message, skipped");
      this.#reply(idOf(parsed), -32600, "Invalid Request: expected a JSON-RPC 2.0 message.");
      return;
    }
    this.onmessage?.(message.data);
  }

  #reply(id: string | number | null, code: number, message: string): void {
    // A JSON-RPC error answer carries the request's id, or null when it cannot be told (JSON-RPC 2.0 §5).
    void this.send({ jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage).catch(
      () => undefined,
    );
  }

  readonly #onEnd = (): void => {
    this.#options.onEnd();
  };

  readonly #onStreamError = (error: Error): void => {
    this.onerror?.(error);
    this.#options.onFailure(error);
  };
}

/** The `id` of a parsed message, when it has a usable one. */
function idOf(value: unknown): string | number | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "number" || (typeof id === "string" && id.length <= 200) ? id : null;
}

/** The `id` near the start of an oversized frame (`{"jsonrpc":"2.0","id":7,…`), when it is there. */
function idIn(head: string): string | number | null {
  const match = /"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")/.exec(head);
  if (!match?.[1]) return null;
  return match[1].startsWith('"') ? (JSON.parse(match[1]) as string) : Number(match[1]);
}
