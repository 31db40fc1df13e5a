import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { parseOutputSchema } from "@luoshi/contract";
import { repoRoot, sharedDir } from "./run-cli.ts";

/** Inputs for the CLI tests: the seeds, and small hostile files made on the fly. */

export const seedsDir = resolve(sharedDir, "seeds");
export const parserFixtures = resolve(repoRoot, "packages/parser/test/fixtures");

export const seedFiles = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .sort();

export function seedPath(prefix: string): string {
  const file = seedFiles.find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix} in ${seedsDir}`);
  return resolve(seedsDir, file);
}

export function goldDocumentCount(seedFile: string): number {
  const gold = JSON.parse(readFileSync(resolve(seedsDir, "gold", `${seedFile.slice(0, 3)}.json`), "utf8"));
  return parseOutputSchema.parse(gold).documents.length;
}

/** A hostile file from the parser's fixtures (packages/parser/test/fixtures), shared rather than rebuilt here. */
export function parserFixture(name: string): string {
  const file = resolve(parserFixtures, name);
  if (!existsSync(file)) throw new Error(`missing parser fixture ${file}`);
  return file;
}

/** A real .docx whose paragraphs are the lines of a text (seeds without tables survive this intact). */
export async function docxFromText(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: text.split("\n").map((line) => new Paragraph(line)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Bytes no text decoder should accept: NULs and control bytes throughout. */
export function binaryBytes(size = 4096): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = 0x2545f491;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = i % 7 === 0 ? 0 : x & 0xff;
  }
  return bytes;
}
