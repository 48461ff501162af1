import type { Sandbox } from "../../src/index.js";

export interface JsonResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect response bodies field by field
  body: any;
}

/** A tiny fetch-based client for the sandbox's own tests. */
export class SandboxClient {
  token: string | undefined;

  constructor(readonly sandbox: Sandbox) {}

  async authenticate(): Promise<string> {
    const response = await this.requestToken({});
    if (response.status !== 200) throw new Error(`token request failed: ${response.status}`);
    this.token = response.body.access_token as string;
    return this.token;
  }

  requestToken(overrides: Record<string, string | undefined>): Promise<JsonResponse> {
    const fields: Record<string, string | undefined> = {
      grant_type: "client_credentials",
      client_id: this.sandbox.credentials.accountId,
      client_secret: this.sandbox.credentials.secretKey,
      scope: "general",
      ...overrides,
    };
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, value);
    return this.send("POST", "/accessTokens", {
      body: form.toString(),
      contentType: "application/x-www-form-urlencoded",
    });
  }

  get(path: string, token: string | null | undefined = this.token): Promise<JsonResponse> {
    return this.send("GET", path, { token });
  }

  post(path: string, form: string, token: string | null | undefined = this.token): Promise<JsonResponse> {
    return this.send("POST", path, { token, body: form, contentType: "application/x-www-form-urlencoded" });
  }

  postJson(
    path: string,
    body: unknown,
    token: string | null | undefined = this.token,
  ): Promise<JsonResponse> {
    return this.send("POST", path, { token, body: JSON.stringify(body), contentType: "application/json" });
  }

  async send(
    method: string,
    path: string,
    options: { token?: string | null; body?: string; contentType?: string } = {},
  ): Promise<JsonResponse> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.contentType) headers["content-type"] = options.contentType;
    const response = await fetch(`${this.sandbox.url}${path}`, { method, headers, body: options.body });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (CSV reports, malformed-JSON faults): keep the text.
    }
    return { status: response.status, headers: response.headers, body };
  }
}
