import type { ParsedUnit, UnitRole } from "@luoshi/contract";
import { splitTopLevel } from "./split-list.ts";

/**
 * The grammar of 责任单位 cells: "A、B牵头，C和D配合；各县（市、区）政府落实；E负责监督落实".
 * - A run of names is closed by the role word after it; names with no role word are `responsible`.
 * - A run never crosses ；/; (it often splits city units from county governments).
 * - 会同 introduces assisting units: "市农业农村局牵头会同有关单位".
 * - Prefix carry-over: "市生态环境局、水务局" means 市水务局 (a bare …局 after a 市-prefixed name).
 */
const ROLE_WORDS: [RegExp, UnitRole][] = [
  [/负责监督落实|监督落实|督促落实|负责督促|负责指导/, "supervise"],
  [/按职能分工落实|按职责分工落实|分工负责|负责落实|负责|落实/, "responsible"],
  [/牵头/, "lead"],
  [/配合|参与|会办|协办|协助/, "assist"],
];
const ROLE_PATTERN = new RegExp(ROLE_WORDS.map(([re]) => `(${re.source})`).join("|"));

const NAME_SEPARATORS = new Set(["、", "，", ",", " "]);
const SEGMENT_SEPARATORS = new Set(["；", ";"]);
// "市政务服务数据管理局和市有关单位配合": 和/及/以及 join two units only between a unit ending and a new unit.
const CONJUNCTION = /(?<=[局室办委厅院部会心位构府所站队校司处科行团组])(?:和|及|以及|与)(?=[市省县区各有相])/g;
const JURISDICTION_PREFIX = /^[市省县区]/;

export function isGroupName(name: string): boolean {
  return /各|有关单位|相关单位|等单位|有关部门|相关部门/.test(name);
}

function roleOf(word: string): UnitRole {
  for (const [re, role] of ROLE_WORDS) if (re.test(word)) return role;
  return "responsible";
}

// "涉及公共资源配置、重大建设项目…等三个重点领域的相关单位" is one (group) name: its 、 list the fields, not units.
const DESCRIBED_GROUP = /涉及[^，,；;]*?(?:单位|部门|机构)/g;

function cleanName(raw: string): string {
  return raw
    .replace(/\uE000/g, "、")
    .replace(/\s+/g, "")
    .replace(/^[，、,。；;：:]+|[，、,。；;：:]+$/g, "");
}

/** `defaultRole` applies to names with no role word: a 牵头单位 column's names lead, a 配合单位 column's assist. */
export function parseUnits(unitsText: string, defaultRole: UnitRole = "responsible"): ParsedUnit[] {
  const units: ParsedUnit[] = [];
  let previous: string | undefined;
  const push = (rawName: string, role: UnitRole) => {
    let name = cleanName(rawName);
    if (name.length === 0) return;
    const prefix = previous ? JURISDICTION_PREFIX.exec(previous)?.[0] : undefined;
    if (
      prefix &&
      /局$/.test(name) &&
      !JURISDICTION_PREFIX.test(name) &&
      !isGroupName(name) &&
      !/^(国|中|广|省)/.test(name)
    ) {
      name = prefix + name;
    }
    units.push({ name, role, group: isGroupName(name) });
    previous = name;
  };

  for (const segment of splitTopLevel(
    unitsText.replace(/<[^>]*>/g, "").replace(DESCRIBED_GROUP, (m) => m.replace(/、/g, "\uE000")),
    SEGMENT_SEPARATORS,
  )) {
    let pending: string[] = [];
    const flush = (role: UnitRole) => {
      for (const name of pending) push(name, role);
      pending = [];
    };
    const tokens = splitTopLevel(segment.replace(CONJUNCTION, "、"), NAME_SEPARATORS);
    for (const token of tokens) {
      let rest = token.trim();
      while (rest.length > 0) {
        if (rest.startsWith("会同")) {
          flush(defaultRole);
          push(rest.slice(2), "assist");
          rest = "";
          break;
        }
        const m = ROLE_PATTERN.exec(rest);
        if (!m) {
          pending.push(rest);
          break;
        }
        const before = rest.slice(0, m.index);
        if (before.trim().length > 0) pending.push(before);
        flush(roleOf(m[0]));
        rest = rest.slice(m.index + m[0].length).trim();
      }
    }
    flush(defaultRole);
  }
  return units;
}
