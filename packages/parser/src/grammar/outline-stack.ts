import type { Numbering } from "./numbering.ts";

/**
 * The enclosing levels at the current position of a numbered outline or a plan table. An entry is keyed by its
 * column (0 for prose) and numbering level, so that a table whose section rows (一、) and task cells (（一）)
 * share a column nests the same way prose does. Unnumbered category cells get level 99 in their column.
 */
export type StackEntry = { column: number; level: number; token: string | null; text: string };

export class OutlineStack {
  private entries: StackEntry[] = [];

  set(entry: StackEntry): void {
    this.entries = this.entries.filter(
      (e) => e.column < entry.column || (e.column === entry.column && e.level < entry.level),
    );
    this.entries.push(entry);
  }

  current(): readonly StackEntry[] {
    return this.entries;
  }
}

export function entryFrom(numbering: Numbering | undefined, column: number, text: string): StackEntry {
  return numbering
    ? { column, level: numbering.level, token: numbering.token, text: numbering.rest }
    : { column, level: 99, token: null, text };
}
