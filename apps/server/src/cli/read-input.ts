import { readFile, stat } from "node:fs/promises";
import { CliError } from "./cli-error.ts";

/** Above this the parser refuses anyway (INPUT_TOO_LARGE); checking first avoids reading gigabytes to learn it. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export async function readInputFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  const info = await stat(file).catch((error: unknown) => {
    throw fileError(file, error);
  });
  if (!info.isFile()) throw new CliError("NOT_A_FILE", `不是普通文件（可能是目录）：${file}`);
  if (info.size > maxBytes) {
    throw new CliError("INPUT_TOO_LARGE", `文件过大：${formatMb(info.size)}，上限 ${formatMb(maxBytes)}：${file}`);
  }
  return readFile(file).catch((error: unknown) => {
    throw fileError(file, error);
  });
}

function fileError(file: string, error: unknown): CliError {
  switch (errnoCode(error)) {
    case "ENOENT":
    case "ENOTDIR":
      return new CliError("FILE_NOT_FOUND", `找不到文件：${file}`);
    case "EISDIR":
      return new CliError("NOT_A_FILE", `不是普通文件（可能是目录）：${file}`);
    case "EACCES":
    case "EPERM":
      return new CliError("FILE_UNREADABLE", `没有读取权限：${file}`);
    default:
      return new CliError(
        "FILE_UNREADABLE",
        `无法读取文件 ${file}：${error instanceof Error ? error.message : String(error)}`,
      );
  }
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
