/**
 * Scenario 4, message search: by guest name and by "the last N days", at Hostaway's latency and limits, each case
 * with a fresh sandbox and a fresh client or server. The baseline is the dataset itself: how many bookings really
 * match (lib/truth.ts), so the upstream requests can be read per matching booking, and a missed or extra booking
 * shows.
 */
import { openReader, type SearchCriteria } from "../lib/readers.ts";
import { progress } from "../lib/report.ts";
import {
  type BenchSandbox,
  startBenchSandbox,
  type UpstreamFigures,
  upstreamFigures,
} from "../lib/sandbox.ts";
import { conditionsFor, type Scenario } from "../lib/scenario.ts";
import { seconds, type Table } from "../lib/table.ts";
import { bookingsByGuestName, bookingsWithMessagesBetween, type SearchTruth } from "../lib/truth.ts";

/** Ask for every matching message in one answer (the criteria allow up to 1000). */
const SEARCH_LIMIT = 1000;

interface SearchRow {
  search: string;
  via: string;
  criteria: SearchCriteria;
  truth: SearchTruth;
  found: number[];
  missing: number[];
  extra: number[];
  failed: number | null;
  /** The bookings whose messages could not be read (a search that stopped at its bounds says so in `note`). */
  failures: { item_id: string; error_message: string }[];
  /** The answer's own note on what it left out (e.g. a search that stopped at its bounds), if any. */
  note: string | null;
  messages: number | null;
  wallMs: number;
  upstream: UpstreamFigures;
  error: string | null;
}

export const search: Scenario = async ({ options, report }) => {
  const conditions = conditionsFor(options, { latencyMs: 150, limitsOn: true });
  const rows: SearchRow[] = [];
  for (const kind of ["guest name", "recent"] as const) {
    for (const via of options.via) {
      const bench = await startBenchSandbox(options, conditions);
      try {
        const { criteria, truth, label } = searchCase(kind, bench, options.searchName, options.searchDays);
        progress(`search: ${label} via ${via}`);
        bench.sandbox.resetStats();
        const reader = await openReader(
          via,
          bench,
          `search-${kind.replace(" ", "-")}-${via}`,
          options.serverLogLevel,
        );
        const started = performance.now();
        let found: number[] = [];
        let failed: number | null = null;
        let failures: SearchRow["failures"] = [];
        let note: string | null = null;
        let messages: number | null = null;
        let error: string | null = null;
        try {
          const result = await reader.searchMessages(criteria);
          found = [...new Set(result.successful_results.map((thread) => thread.booking_id))].sort(
            (a, b) => a - b,
          );
          failed = result.summary.failed;
          failures = result.failed_items.map(({ item_id, error_message }) => ({ item_id, error_message }));
          note = (result as { note?: string | null }).note ?? null;
          messages = result.successful_results.reduce((sum, thread) => sum + thread.messages.length, 0);
        } catch (caught) {
          error = caught instanceof Error ? caught.message : String(caught);
        }
        const wallMs = performance.now() - started;
        const upstream = upstreamFigures(bench.sandbox);
        await reader.close();
        const expected = new Set(truth.withMessages);
        rows.push({
          search: label,
          via,
          criteria,
          truth,
          found,
          missing: truth.withMessages.filter((id) => !found.includes(id)),
          extra: found.filter((id) => !expected.has(id)),
          failed,
          failures,
          note,
          messages,
          wallMs,
          upstream,
          error,
        });
      } finally {
        await bench.sandbox.close();
      }
    }
  }

  const table: Table = {
    title: `4. Message search (upstream latency ${conditions.latencyMs} ms, limits ${conditions.limitsOn ? "on" : "off"}, limit=${SEARCH_LIMIT})`,
    headers: [
      "search",
      "via",
      "bookings that match",
      "threads found",
      "missing / extra",
      "wall",
      "upstream req",
      "req per match / per thread found",
      "429s",
    ],
    rows: rows.map((row) => [
      row.search,
      row.via,
      row.truth.matchingBookings.length === row.truth.withMessages.length
        ? String(row.truth.withMessages.length)
        : `${row.truth.withMessages.length} (of ${row.truth.matchingBookings.length} by name; the rest have no messages)`,
      row.error
        ? "error"
        : `${row.found.length} (${row.messages} messages${row.failed ? `, ${row.failed} failed` : ""})`,
      `${row.missing.length} / ${row.extra.length}`,
      seconds(row.wallMs),
      String(row.upstream.requests),
      `${perItem(row.upstream.requests, row.truth.withMessages.length)} / ${perItem(row.upstream.requests, row.found.length)}`,
      String(row.upstream.rateLimited),
    ]),
    notes: [
      "bookings that match = from the sandbox's dataset: guest name contains the text (case- and accent-insensitive) and the booking has sent messages; or a sent message dated in the range (UTC)",
      "upstream req counts the token (fresh client or server per case)",
      ...rows.filter((row) => row.error).map((row) => `${row.search} via ${row.via}: ${row.error}`),
      ...rows
        .filter((row) => row.missing.length > 0 || row.extra.length > 0)
        .map(
          (row) =>
            `${row.search} via ${row.via}: missing ${listIds(row.missing)}; extra ${listIds(row.extra)}`,
        ),
      ...rows.filter((row) => row.note).map((row) => `${row.search} via ${row.via}: note: ${row.note}`),
      ...rows.flatMap((row) =>
        row.failures
          .slice(0, 3)
          .map(
            (failure) =>
              `${row.search} via ${row.via}: failed item ${failure.item_id}: ${failure.error_message}`,
          ),
      ),
    ],
  };
  report.printTable(table);
  return {
    conditions: { ...conditions, searchDays: options.searchDays, via: options.via },
    tables: [table],
    data: rows,
  };
};

function searchCase(
  kind: "guest name" | "recent",
  bench: BenchSandbox,
  searchName: string | undefined,
  days: number,
): { criteria: SearchCriteria; truth: SearchTruth; label: string } {
  const { data, fixtures } = bench.sandbox;
  if (kind === "guest name") {
    const name = searchName ?? surnameOf(bench, fixtures.bookings.sharedSurnameA);
    return {
      criteria: { guest_name: name, limit: SEARCH_LIMIT },
      truth: bookingsByGuestName(data, name),
      label: `guest name "${name}"`,
    };
  }
  const now = new Date(data.anchorDate);
  const endDate = now.toISOString().slice(0, 10);
  const startDate = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  return {
    criteria: { start_date: startDate, end_date: endDate, limit: SEARCH_LIMIT },
    truth: bookingsWithMessagesBetween(data, startDate, endDate),
    label: `last ${days} days (${startDate}..${endDate})`,
  };
}

function surnameOf(bench: BenchSandbox, bookingId: number): string {
  const reservation = bench.sandbox.data.reservations.find((candidate) => candidate.id === bookingId);
  if (!reservation) throw new Error(`sandbox fixture booking ${bookingId} is not in its dataset`);
  return reservation.guestLastName;
}

/** At most ten ids, then how many more. */
function listIds(ids: readonly number[]): string {
  if (ids.length === 0) return "none";
  const shown = ids.slice(0, 10).join(", ");
  return ids.length > 10 ? `${shown} … (${ids.length} in all)` : shown;
}

function perItem(requests: number, items: number): string {
  return items > 0 ? (requests / items).toFixed(1) : "–";
}
