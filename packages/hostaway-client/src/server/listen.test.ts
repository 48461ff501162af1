import { Agent, type IncomingMessage, request, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { listen, type RunningServer } from "./listen.js";
import { SettingsError } from "./settings-error.js";

interface Reply {
  status: number;
  connection: string | undefined;
  body: string;
}

const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close(0)));
});

function get(url: string, agent: Agent | false = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${url}/`, { agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
      res.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** A handler that holds each request until the test releases it, and says when one has arrived. */
function heldHandler() {
  const held: ServerResponse[] = [];
  let arrived: () => void = () => undefined;
  const handler = (_req: IncomingMessage, res: ServerResponse) => {
    held.push(res);
    arrived();
  };
  const nextArrival = () =>
    new Promise<void>((resolve) => {
      arrived = resolve;
    });
  return { handler, held, nextArrival };
}

async function start(handler: Parameters<typeof listen>[0]) {
  const server = await listen(handler, { host: "127.0.0.1", port: 0 });
  running.push(server);
  return server;
}

describe("listen", () => {
  it("resolves with the bound url and port", async () => {
    const server = await start((_req, res) => res.end("hello"));
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(await get(server.url)).toMatchObject({ status: 200, body: "hello" });
  });

  it("writes an IPv6 address in brackets", async () => {
    const server = await listen((_req, res) => res.end("v6"), { host: "::1", port: 0 }).catch(
      () => undefined,
    );
    if (server === undefined) return; // no IPv6 loopback on this machine
    running.push(server);
    expect(server.url).toBe(`http://[::1]:${server.port}`);
    expect((await get(server.url)).body).toBe("v6");
  });

  it("refuses a non-loopback host when loopbackOnly, without naming it", async () => {
    const refused = listen(() => undefined, { host: "0.0.0.0", port: 0, loopbackOnly: true });
    await expect(refused).rejects.toSatisfy((error) => SettingsError.isInstance(error));
    await expect(refused).rejects.toThrow(
      "invalid configuration: refusing to listen on a non-loopback address without API keys (set API_KEYS, or bind 127.0.0.1)",
    );
    const local = await listen((_req, res) => res.end(), { host: "127.0.0.1", port: 0, loopbackOnly: true });
    running.push(local);
    expect(local.port).toBeGreaterThan(0);
  });

  it("rejects when the port is taken", async () => {
    const first = await start(() => undefined);
    await expect(listen(() => undefined, { host: "127.0.0.1", port: first.port })).rejects.toMatchObject({
      code: "EADDRINUSE",
    });
  });
});

describe("close", () => {
  it("lets an in-flight request finish within the grace period while refusing new connections", async () => {
    const { handler, held, nextArrival } = heldHandler();
    const server = await start(handler);
    const arrival = nextArrival();
    const inFlight = get(server.url);
    await arrival;

    const closed = server.close(5_000);
    let closedYet = false;
    void closed.then(() => {
      closedYet = true;
    });
    await expect(get(server.url)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(closedYet).toBe(false);

    held[0]?.end("finished");
    expect(await inFlight).toEqual({ status: 200, connection: "close", body: "finished" });
    await closed;
    expect(server.server.listening).toBe(false);
    expect(server.close()).toBe(closed);
  });

  it("cuts what is still open after graceMs, and resolves", async () => {
    const { handler, nextArrival } = heldHandler();
    const server = await start(handler);
    const arrival = nextArrival();
    const stuck = get(server.url);
    await arrival;
    const started = performance.now();
    await server.close(150);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(2_000);
    await expect(stuck).rejects.toMatchObject({ code: "ECONNRESET" });
  });

  it("closes idle keep-alive connections at once", async () => {
    const agent = new Agent({ keepAlive: true });
    const server = await start((_req, res) => res.end("ok"));
    expect((await get(server.url, agent)).status).toBe(200);
    const started = performance.now();
    await server.close(10_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    agent.destroy();
  });

  it("lets go of a keep-alive connection whose answer was already streaming when the stop began", async () => {
    const agent = new Agent({ keepAlive: true });
    const { handler, held, nextArrival } = heldHandler();
    const server = await start((req, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.write("part one, ");
      handler(req, res);
    });
    const arrival = nextArrival();
    const streaming = get(server.url, agent);
    await arrival;
    const closed = server.close(10_000);
    const started = performance.now();
    held[0]?.end("part two");
    expect((await streaming).body).toBe("part one, part two");
    await closed;
    expect(performance.now() - started).toBeLessThan(1_000);
    agent.destroy();
  });
});
