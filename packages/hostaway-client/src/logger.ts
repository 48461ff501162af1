/**
 * The subset of a pino logger the client uses (`logger.debug({ ...fields }, "message")`). Anything with this shape
 * works: pino, a pino child, or a test spy. Log lines carry method, path, status, attempt and duration only: never a
 * token, the secret, query values or response bodies.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
}

export const silentLogger: Logger = { debug: () => {} };
