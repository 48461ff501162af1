/**
 * A bad argument found by a tool after schema validation (an unknown channel name, a cursor we did not issue).
 * `message` names the field and what is allowed; it becomes a `validation_error` result.
 */
export class ToolInputError extends Error {
  override readonly name = "ToolInputError";
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}
