const MARKER = Symbol.for("hostaway-mcp.settings-error");

/**
 * Why start-up stopped: every configuration problem at once (`problems`), one line each naming the variable and
 * what it must be, never its value. The message reads `invalid configuration: a; b`. An app with variables of its
 * own can merge: `new SettingsError([...own, ...error.problems])`.
 */
export class SettingsError extends Error {
  override readonly name = "SettingsError";
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid configuration: ${problems.join("; ")}`);
    this.problems = [...problems];
    // Non-enumerable, so it stays out of logs and JSON.
    Object.defineProperty(this, MARKER, { value: true });
  }

  /** True for a `SettingsError` from any installed copy of this package. */
  static isInstance(value: unknown): value is SettingsError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
