/** A markdown table: a header row and rows of cells already formatted as text. */
export interface Table {
  title: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Short lines printed under the table (formulas, caveats). */
  notes?: readonly string[];
}

/** Renders a GitHub-flavoured markdown table with padded columns, so it also reads well in a terminal. */
export function renderTable(table: Table): string {
  const widths = table.headers.map((header, column) =>
    Math.max(3, header.length, ...table.rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${widths.map((width, column) => (cells[column] ?? "").padEnd(width)).join(" | ")} |`;
  const separator = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
  const parts = [`### ${table.title}`, "", line(table.headers), separator, ...table.rows.map(line)];
  if (table.notes && table.notes.length > 0) parts.push("", ...table.notes.map((note) => `- ${note}`));
  return `${parts.join("\n")}\n`;
}

/** Milliseconds with a precision that suits their size: 0.42 ms, 12.3 ms, 1534 ms. */
export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  if (Math.abs(value) < 10) return `${value.toFixed(2)} ms`;
  if (Math.abs(value) < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value)} ms`;
}

/** Seconds for wall times of whole operations. */
export function seconds(valueMs: number | null | undefined): string {
  if (valueMs === null || valueMs === undefined || Number.isNaN(valueMs)) return "–";
  return `${(valueMs / 1000).toFixed(valueMs < 10_000 ? 3 : 2)} s`;
}

export function ratio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return `${value.toFixed(2)}×`;
}

export function megabytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "–";
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
