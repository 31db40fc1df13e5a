import type { ParseOutput } from "@luoshi/contract";

export type FieldScore = { field: string; total: number; matched: number };
export type Mismatch = { where: string; expected: unknown; actual: unknown };

/**
 * Field-by-field comparison of a parse against a gold file: every document field, every plan field, every item
 * field, counted per field name, with the list of mismatches for a readable failure.
 */
export function compareToGold(
  gold: ParseOutput,
  actual: ParseOutput,
): { scores: FieldScore[]; mismatches: Mismatch[] } {
  const scores = new Map<string, FieldScore>();
  const mismatches: Mismatch[] = [];
  const check = (field: string, where: string, expected: unknown, got: unknown) => {
    const score = scores.get(field) ?? { field, total: 0, matched: 0 };
    score.total++;
    if (JSON.stringify(expected) === JSON.stringify(got)) score.matched++;
    else mismatches.push({ where: `${where}.${field}`, expected, actual: got });
    scores.set(field, score);
  };
  check("documents.length", "", gold.documents.length, actual.documents.length);
  check("warnings", "", gold.warnings, actual.warnings);
  gold.documents.forEach((gd, d) => {
    const ad = actual.documents[d];
    const docFields = [
      "issuer",
      "docNumber",
      "title",
      "date",
      "recipients",
      "cc",
      "disclosure",
      "printed",
      "references",
      "attachments",
      "deadlines",
    ] as const;
    for (const f of docFields) check(`document.${f}`, `doc[${d}]`, gd[f], ad?.[f]);
    check("document.plans.length", `doc[${d}]`, gd.plans.length, ad?.plans.length);
    gd.plans.forEach((gp, p) => {
      const ap = ad?.plans[p];
      for (const f of ["title", "source", "columns"] as const)
        check(`plan.${f}`, `doc[${d}].plan[${p}]`, gp[f], ap?.[f]);
      check("plan.items.length", `doc[${d}].plan[${p}]`, gp.items.length, ap?.items.length);
      gp.items.forEach((gi, k) => {
        const ai = ap?.items[k];
        for (const f of ["path", "headings", "text", "criteria", "unitsText", "units", "deadlines"] as const) {
          check(`item.${f}`, `doc[${d}].plan[${p}].item[${k}](${gi.path.join("/")})`, gi[f], ai?.[f]);
        }
      });
    });
  });
  return { scores: [...scores.values()], mismatches };
}
