import { Parser } from "htmlparser2";

/** One level of a Word list definition (w:abstractNum/w:lvl, or a w:lvlOverride/w:lvl). */
export type ListLevel = {
  start: number;
  numFmt: string;
  lvlText: string;
  suffix: string;
  isLegal: boolean;
  restart?: number;
};
type NumInstance = {
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, ListLevel>;
};
export type NumberingDefinitions = {
  abstractNums: Map<string, Map<number, ListLevel>>;
  nums: Map<string, NumInstance>;
};

const EMPTY_LEVEL: ListLevel = { start: 1, numFmt: "decimal", lvlText: "", suffix: "tab", isLegal: false };

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon >= 0 ? name.slice(colon + 1) : name;
}

function intAttr(attribs: Record<string, string>, fallback: number): number {
  const n = Number.parseInt(attribs["w:val"] ?? "", 10);
  return Number.isFinite(n) ? n : fallback;
}

/** word/numbering.xml → list definitions. Later w:numFmt wins, so mc:Fallback's standard format beats mc:Choice's. */
export function parseNumbering(xml: string): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstractNums: new Map(), nums: new Map() };
  let abstract: Map<number, ListLevel> | undefined;
  let num: NumInstance | undefined;
  let overrideLevel: number | undefined;
  let level: ListLevel | undefined;
  let levelIndex = 0;
  const parser = new Parser(
    {
      onopentag(rawName, attribs) {
        const name = localName(rawName);
        if (name === "abstractNum") {
          abstract = new Map();
          defs.abstractNums.set(attribs["w:abstractNumId"] ?? "", abstract);
        } else if (name === "num") {
          num = { abstractNumId: "", startOverrides: new Map(), levelOverrides: new Map() };
          defs.nums.set(attribs["w:numId"] ?? "", num);
        } else if (name === "abstractNumId" && num) {
          num.abstractNumId = attribs["w:val"] ?? "";
        } else if (name === "lvlOverride" && num) {
          overrideLevel = Number.parseInt(attribs["w:ilvl"] ?? "0", 10);
        } else if (name === "startOverride" && num && overrideLevel !== undefined) {
          num.startOverrides.set(overrideLevel, intAttr(attribs, 1));
        } else if (name === "lvl") {
          levelIndex = Number.parseInt(attribs["w:ilvl"] ?? "0", 10);
          level = { ...EMPTY_LEVEL };
        } else if (level) {
          readLevelProperty(level, name, attribs);
        }
      },
      onclosetag(rawName) {
        const name = localName(rawName);
        if (name === "lvl" && level) {
          if (num && overrideLevel !== undefined) num.levelOverrides.set(overrideLevel, level);
          else abstract?.set(levelIndex, level);
          level = undefined;
        } else if (name === "lvlOverride") overrideLevel = undefined;
        else if (name === "abstractNum") abstract = undefined;
        else if (name === "num") num = undefined;
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  return defs;
}

function readLevelProperty(level: ListLevel, name: string, attribs: Record<string, string>): void {
  if (name === "start") level.start = intAttr(attribs, 1);
  else if (name === "numFmt") level.numFmt = attribs["w:val"] ?? "decimal";
  else if (name === "lvlText") level.lvlText = attribs["w:val"] ?? "";
  else if (name === "suff") level.suffix = attribs["w:val"] ?? "tab";
  else if (name === "isLgl") level.isLegal = attribs["w:val"] !== "0" && attribs["w:val"] !== "false";
  else if (name === "lvlRestart") level.restart = intAttr(attribs, 0);
}

/**
 * Word's list counters, one set per w:num instance: using level L counts it up and restarts the deeper levels
 * (unless their w:lvlRestart says otherwise); a w:startOverride applies when the instance is first used.
 */
export class ListCounters {
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The label Word draws before the paragraph, e.g. "一、", "（二）", "3.", or "" for bullets and unknown lists. */
  next(numId: string, ilvl: number): string {
    const instance = this.defs.nums.get(numId);
    if (!instance || ilvl < 0 || ilvl > 8) return "";
    const levelOf = (k: number) => this.level(instance, k);
    const counts = this.counters.get(numId) ?? [];
    this.counters.set(numId, counts);
    counts[ilvl] = (counts[ilvl] ?? levelOf(ilvl).start - 1) + 1;
    for (let deeper = ilvl + 1; deeper <= 8; deeper++) {
      const restart = levelOf(deeper).restart;
      if (restart === undefined || (restart > 0 && ilvl < restart)) counts[deeper] = undefined;
    }
    const level = levelOf(ilvl);
    if (level.numFmt === "bullet" || level.numFmt === "none") return "";
    const label = level.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
      const k = Number(digit) - 1;
      const value = counts[k] ?? levelOf(k).start;
      return formatNumber(value, level.isLegal && k !== ilvl ? "decimal" : levelOf(k).numFmt);
    });
    return label + separatorAfter(label, level.suffix);
  }

  private level(instance: NumInstance, ilvl: number): ListLevel {
    const base =
      instance.levelOverrides.get(ilvl) ?? this.defs.abstractNums.get(instance.abstractNumId)?.get(ilvl) ?? EMPTY_LEVEL;
    const start = instance.startOverrides.get(ilvl);
    return start === undefined ? base : { ...base, start };
  }
}

/**
 * Word draws a tab (or a space) after the label. After 一、 or （一） the punctuation already separates the
 * number from the text; after "1." it does not, and "1.2022年…" would read as a decimal, so a space is kept.
 */
function separatorAfter(label: string, suffix: string): string {
  if (label === "" || suffix === "nothing") return "";
  return /[\x21-\x7e]$/.test(label) ? " " : "";
}

const CN_DIGITS = "零一二三四五六七八九";
const CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
const CN_LEGAL_TRADITIONAL_DIGITS = "零壹貳參肆伍陸柒捌玖";
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

/** A counter value in one of Word's w:numFmt formats; formats Word itself spells out in English fall back to digits. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "koreanCounting":
      return chineseNumber(n, { digits: CN_DIGITS, units: ["", "十", "百", "千"] });
    case "chineseLegalSimplified":
      return chineseNumber(n, { digits: CN_LEGAL_DIGITS, units: ["", "拾", "佰", "仟"] });
    case "ideographLegalTraditional":
      return chineseNumber(n, { digits: CN_LEGAL_TRADITIONAL_DIGITS, units: ["", "拾", "佰", "仟"] });
    case "ideographDigital":
    case "taiwaneseDigital":
    case "japaneseDigitalTenThousand":
      return [...String(n)].map((d) => (d === "0" ? "〇" : CN_DIGITS[Number(d)])).join("");
    case "ideographTraditional":
      return n >= 1 ? (HEAVENLY_STEMS[(n - 1) % 10] as string) : String(n);
    case "ideographZodiac":
      return n >= 1 ? (EARTHLY_BRANCHES[(n - 1) % 12] as string) : String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return enclosedCircle(n);
    case "ideographEnclosedCircle":
      return n >= 1 && n <= 10 ? String.fromCodePoint(0x3280 + n - 1) : `(${n})`;
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case "decimalEnclosedFullstop":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return [...String(n)].map((d) => String.fromCodePoint(0xff10 + Number(d))).join("");
    case "decimalZero":
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerLetter":
      return letters(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "none":
    case "bullet":
      return "";
    default:
      return String(n);
  }
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五: as Word's 一, 二, 三 (简) list style counts. */
function chineseNumber(n: number, spelling: { digits: string; units: readonly string[] }): string {
  if (n <= 0 || n >= 10000) return String(n);
  const { digits, units } = spelling;
  const places = [...String(n)].map(Number).reverse();
  let out = "";
  let zeroPending = false;
  for (let p = places.length - 1; p >= 0; p--) {
    const d = places[p] as number;
    if (d === 0) {
      zeroPending = out !== "";
      continue;
    }
    if (zeroPending) out += digits[0];
    zeroPending = false;
    const omitOne = d === 1 && p === 1 && out === "" && units[1] === "十";
    out += (omitOne ? "" : (digits[d] ?? "")) + (units[p] ?? "");
  }
  return out;
}

function enclosedCircle(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return String(n);
}

/** Word repeats the letter past Z: 27 → aa, 28 → bb. */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  let rest = n;
  for (const [value, glyph] of table) {
    while (rest >= value) {
      out += glyph;
      rest -= value;
    }
  }
  return out;
}
