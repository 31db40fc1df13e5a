import { chineseToNumber } from "./cn-numerals.ts";

/**
 * Outline numbering of 公文 (GB/T 9704): 一、 → （一） → 1. → （1）. Real text mixes half- and full-width forms:
 * (一) （一） 1． 1、 1.  The token is normalised: second and fourth levels in full-width brackets.
 */
export type Numbering = { level: 1 | 2 | 3 | 4; token: string; value: number; rest: string };

const CN = "[一二三四五六七八九十百零〇两]+";
const LEVEL1 = new RegExp(`^(${CN})\\s*[、．.]\\s*`);
const LEVEL2 = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、．.]?\\s*`);
const LEVEL3 = /^(\d{1,3})\s*(?:[.．、](?!\d)|\s(?=[\u4e00-\u9fff]))\s*/;
const LEVEL4 = /^[（(]\s*(\d{1,3})\s*[）)]\s*/;

export function readNumbering(text: string): Numbering | undefined {
  let m = LEVEL2.exec(text);
  if (m?.[1]) return make(2, `（${m[1]}）`, m[1], text.slice(m[0].length));
  m = LEVEL4.exec(text);
  if (m?.[1]) return make(4, `（${m[1]}）`, m[1], text.slice(m[0].length));
  m = LEVEL1.exec(text);
  if (m?.[1]) return make(1, m[1], m[1], text.slice(m[0].length));
  m = LEVEL3.exec(text);
  // "2019年…" and "12345热线" never reach here as numbers: a level-3 token needs its dot or 、.
  if (m?.[1] && /[.．、]/.test(m[0])) return make(3, m[1], m[1], text.slice(m[0].length));
  return undefined;
}

function make(level: Numbering["level"], token: string, numeral: string, rest: string): Numbering | undefined {
  const value = chineseToNumber(numeral);
  if (value === undefined) return undefined;
  return { level, token, value, rest };
}
