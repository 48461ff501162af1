/**
 * The oldest upstream read an answer relies on: its `as_of`. A cached page counts from when it was last proven
 * unchanged (`readAt`); a source that does not say is taken as read at the moment it answered.
 */
export class OldestRead {
  #at: number | undefined;

  /** Notes one page the answer is built from. */
  note(page: { readAt?: number | undefined }): void {
    const at = page.readAt ?? Date.now();
    if (this.#at === undefined || at < this.#at) this.#at = at;
  }

  /** ISO-8601 UTC; the present moment when nothing was read. */
  toIsoString(): string {
    return new Date(this.#at ?? Date.now()).toISOString();
  }
}
