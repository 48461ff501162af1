import http from "node:http";
import type { AddressInfo } from "node:net";

export interface LocalServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  /** TCP connections accepted so far (keep-alive reuses them). */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a random loopback port, for what nock cannot fake faithfully: connection resets, requests
 * that never get an answer, keep-alive reuse.
 */
export async function startLocalServer(handler: http.RequestListener): Promise<LocalServer> {
  const server = http.createServer(handler);
  let connections = 0;
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers the token endpoint, then hands every other request to `route`. */
export function withTokenEndpoint(route: http.RequestListener): http.RequestListener {
  return (request, response) => {
    if (request.method === "POST" && request.url === "/v1/accessTokens") {
      request.resume();
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ token_type: "Bearer", expires_in: 3600, access_token: "local-token" }));
      return;
    }
    route(request, response);
  };
}
