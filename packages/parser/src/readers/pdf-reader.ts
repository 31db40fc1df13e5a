import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type { ParseFailure, ReadResult } from "../parse-result.ts";
import { normalizeRadicals } from "../text/radicals.ts";
import { renderBlocks } from "./blocks.ts";
import { layoutPages, type PageItems, type TextItem } from "./pdf-layout.ts";

const CORRUPT: ParseFailure = { code: "CORRUPT_PDF", message: "PDF 文件已损坏或格式无法识别" };
const ENCRYPTED: ParseFailure = {
  code: "CORRUPT_PDF",
  message: "PDF 文件已加密，需要密码才能打开，无法读取；请提供未加密的文件",
};
const NO_TEXT: ParseFailure = {
  code: "PDF_NO_TEXT_LAYER",
  message: "PDF 没有文字层（可能是扫描件或图片），无法提取文字；请提供带文字的 PDF、Word 文件或先做文字识别（OCR）",
};

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | undefined;

/**
 * PDF with a text layer → canonical text, via pdfjs-dist's legacy build (the one that runs in Node). No worker
 * thread, no eval, no font loading, no canvas: only the text layer is read. Radical look-alikes are mapped back
 * here because PDF text layers are where they come from.
 */
export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  const { getDocument, VerbosityLevel } = await pdfjs;
  // pdfjs transfers the buffer it is given to its (in-process) worker; a copy keeps the caller's bytes intact.
  // `new Uint8Array(bytes)` copies into a fresh ArrayBuffer: Buffer#slice would share Node's pooled memory.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
    ...resourcePaths(),
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    return { ok: false, error: isPasswordError(error) ? ENCRYPTED : CORRUPT };
  }
  try {
    const pages: PageItems[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        const size = Math.max(Math.hypot(c, d), Math.hypot(a, b), 1);
        items.push({ text: normalizeRadicals(item.str), x, y, width: item.width, size });
      }
      pages.push({ page: n, height: page.view[3] ?? 842, items });
      page.cleanup();
    }
    if (pages.every((p) => p.items.every((i) => i.text.trim() === ""))) return { ok: false, error: NO_TEXT };
    const { blocks, warnings } = layoutPages(pages);
    return { ok: true, text: renderBlocks(blocks), warnings };
  } catch {
    return { ok: false, error: CORRUPT };
  } finally {
    await document.destroy().catch(() => undefined);
  }
}

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && (error.name === "PasswordException" || /password/i.test(error.message));
}

/**
 * CMaps are needed for PDFs whose Chinese fonts are not embedded (predefined GB encodings); pdfjs reads them
 * from disk in Node, so it needs a path, resolved from the installed package where the runtime allows.
 */
function resourcePaths(): { cMapUrl?: string; cMapPacked?: boolean; standardFontDataUrl?: string } {
  try {
    const main = import.meta.resolve("pdfjs-dist/legacy/build/pdf.mjs");
    const root = new URL("../../", main);
    if (root.protocol !== "file:") return {};
    const path = (sub: string) => decodeURIComponent(new URL(sub, root).pathname);
    return { cMapUrl: path("cmaps/"), cMapPacked: true, standardFontDataUrl: path("standard_fonts/") };
  } catch {
    return {};
  }
}
