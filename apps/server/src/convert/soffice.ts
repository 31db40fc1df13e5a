import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Legacy Word (.doc) and WPS (.wps) files are OLE compound documents that no maintained JavaScript library reads
 * reliably (RTF and .odt likewise need a real office suite); LibreOffice converts them to .docx, which the parser
 * reads. This lives in the server, not the parser, because it spawns a process and touches the disk.
 */

// Extensions LibreOffice may use as a filter hint; anything else is handed over as .doc.
const CONVERTIBLE_EXTENSIONS = new Set([".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt", ".ott"]);
export const DEFAULT_CONVERT_TIMEOUT_MS = 60_000;

export type ConversionFailure = {
  code: "SOFFICE_MISSING" | "CONVERSION_FAILED" | "CONVERSION_TIMEOUT";
  message: string;
};
export type ConversionResult =
  { ok: true; bytes: Uint8Array; filename: string } | { ok: false; error: ConversionFailure };

/** The first `soffice` or `libreoffice` executable on PATH (Debian installs both names). */
export function findSoffice(pathEnv: string | undefined = process.env.PATH): string | undefined {
  for (const dir of (pathEnv ?? "").split(delimiter).filter(Boolean)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return undefined;
}

export type ConvertOptions = { bytes: Uint8Array; filename: string; timeoutMs?: number; pathEnv?: string };

export async function convertToDocx(options: ConvertOptions): Promise<ConversionResult> {
  const soffice = findSoffice(options.pathEnv);
  if (!soffice) {
    return {
      ok: false,
      error: {
        code: "SOFFICE_MISSING",
        message:
          "未找到 LibreOffice（soffice），无法转换 .doc/.wps 文件。请安装：apt-get install libreoffice-writer（或另存为 .docx 后再导入）",
      },
    };
  }
  const work = await mkdtemp(join(tmpdir(), "luoshi-soffice-"));
  try {
    return await convertIn({ ...options, soffice, work });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function convertIn(options: ConvertOptions & { soffice: string; work: string }): Promise<ConversionResult> {
  // A fixed input name keeps odd user file names (leading "-", quotes, spaces) away from soffice's argv,
  // and tells us the output name. The extension still steers LibreOffice's filter detection.
  const original = extname(options.filename).toLowerCase();
  const input = join(options.work, `input${CONVERTIBLE_EXTENSIONS.has(original) ? original : ".doc"}`);
  const outDir = join(options.work, "out");
  await writeFile(input, options.bytes);
  const args = [
    // A private profile per run: a shared one is locked by any running LibreOffice and makes soffice exit
    // silently without converting.
    `-env:UserInstallation=${pathToFileURL(join(options.work, "profile")).href}`,
    "--headless",
    "--norestore",
    "--convert-to",
    "docx",
    "--outdir",
    outDir,
    input,
  ];
  const run = await runProcess({
    command: options.soffice,
    args,
    timeoutMs: options.timeoutMs ?? DEFAULT_CONVERT_TIMEOUT_MS,
  });
  if (run.timedOut) {
    const seconds = Math.round((options.timeoutMs ?? DEFAULT_CONVERT_TIMEOUT_MS) / 1000);
    return {
      ok: false,
      error: { code: "CONVERSION_TIMEOUT", message: `LibreOffice 转换超时（${seconds} 秒），文件可能已损坏` },
    };
  }
  const produced = (await readdir(outDir).catch((): string[] => [])).find((f) => f.endsWith(".docx"));
  if (!produced) {
    const detail = run.stderr.trim().split("\n").slice(-1)[0] ?? "";
    return {
      ok: false,
      error: {
        code: "CONVERSION_FAILED",
        message: `LibreOffice 未能把文件转换为 .docx（退出码 ${run.exitCode ?? "无"}）${detail ? `：${detail}` : ""}，文件可能已损坏或不是 Word/WPS 文档`,
      },
    };
  }
  const stem = options.filename.slice(0, options.filename.length - extname(options.filename).length);
  return { ok: true, bytes: await readFile(join(outDir, produced)), filename: `${stem}.docx` };
}

type RunResult = { exitCode: number | null; stderr: string; timedOut: boolean };

function runProcess(options: { command: string; args: string[]; timeoutMs: number }): Promise<RunResult> {
  return new Promise((resolve) => {
    // Own process group, so a timeout also kills soffice.bin, which the soffice wrapper script forks.
    const child = spawn(options.command, options.args, { detached: true, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let timedOut = false;
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      if (stderr.length < 64_000) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, stderr: error.message, timedOut });
    });
    child.on("close", (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stderr, timedOut });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}
