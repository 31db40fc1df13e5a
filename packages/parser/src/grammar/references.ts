import type { DocReference } from "@luoshi/contract";
import { readDocNumberAtStart } from "./doc-number.ts";

// 《title》（文号…）: the bracket may go on after the 文号 ("国办发〔2019〕14号，以下简称《要点》").
const CITED = /《([^《》]{2,200})》\s*[（(]((?:[^（）()]|[（(][^（）()]*[）)]){1,120})[）)]/g;

/** Every 《title》（文号） pair cited in `text`, in order. A 《…》 without a 文号 is not a reference. */
export function extractReferences(text: string): DocReference[] {
  if (!text.includes("《")) return [];
  const found: DocReference[] = [];
  CITED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CITED.exec(text)) !== null) {
    const docNumber = readDocNumberAtStart(m[2] ?? "");
    if (docNumber) found.push({ title: (m[1] ?? "").replace(/\s+/g, ""), docNumber });
  }
  return found;
}

export function addUniqueReferences(into: DocReference[], more: DocReference[]): void {
  for (const ref of more) {
    if (!into.some((r) => r.title === ref.title && r.docNumber === ref.docNumber)) into.push(ref);
  }
}
