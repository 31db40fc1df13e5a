export type GridCell = { text: string; rowSpan: number; colSpan: number };

/** Tables wider than this are not plan tables; the cap keeps a hostile colspan from allocating huge rows. */
const MAX_COLUMNS = 200;

/**
 * HTML-style rows with rowspan/colspan → a rectangular grid of canonical cells: a cell covered by a rowspan from
 * above is "", a colspan is the text followed by "" for each extra column, short rows are padded with "".
 */
export function buildGrid(rows: readonly (readonly GridCell[])[]): string[][] {
  const grid: string[][] = [];
  const pending: number[] = [];
  let width = 0;
  for (const row of rows) {
    const out: string[] = [];
    let col = 0;
    const skipCovered = () => {
      while (col < MAX_COLUMNS && (pending[col] ?? 0) > 0) {
        out[col] = "";
        pending[col] = (pending[col] ?? 1) - 1;
        col++;
      }
    };
    for (const cell of row) {
      skipCovered();
      if (col >= MAX_COLUMNS) break;
      const span = Math.min(cell.colSpan, MAX_COLUMNS - col);
      out[col] = cell.text;
      for (let k = 0; k < span; k++) {
        if (k > 0) out[col + k] = "";
        if (cell.rowSpan > 1) pending[col + k] = Math.max(pending[col + k] ?? 0, cell.rowSpan - 1);
        else if (k > 0) pending[col + k] = 0;
      }
      col += span;
    }
    for (; col < pending.length; col++) {
      if ((pending[col] ?? 0) > 0) {
        out[col] = "";
        pending[col] = (pending[col] ?? 1) - 1;
      }
    }
    width = Math.max(width, out.length);
    grid.push(out);
  }
  return grid.map((row) => Array.from({ length: width }, (_, k) => row[k] ?? ""));
}
