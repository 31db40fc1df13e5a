/**
 * Table export for Excel users: CSV with a UTF-8 BOM (so Excel opens Chinese correctly) and every cell
 * sanitised against formula injection — a value starting with =, +, -, @ (or a tab/CR that Excel strips first)
 * is prefixed with an apostrophe so it stays text.
 */
export type CsvColumn<T> = { title: string; value: (row: T) => string | number | boolean | null | undefined };

export function sanitiseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => quote(sanitiseCell(c.title))).join(",")];
  for (const row of rows) {
    lines.push(columns.map((c) => quote(sanitiseCell(String(c.value(row) ?? "")))).join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export function csvBlob<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): Blob {
  return new Blob([toCsv(columns, rows)], { type: "text/csv;charset=utf-8" });
}
