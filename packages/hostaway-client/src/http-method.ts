/** The methods the client sends. Hostaway's read API is GET; auth and finance reports are form POSTs. */
export type HttpMethod = "GET" | "POST";
