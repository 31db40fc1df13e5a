import { nameKey } from "./org-names.ts";

/**
 * What a unit is responsible for, as keywords a plan item's text can be matched against (职责关键词). The office
 * may write them (units.remit); until it does, they are derived from the unit's name: its core words
 * (江门市城市管理和综合执法局 → 城市管理、综合执法) and the usual remit of that kind of department from the table
 * below. Deriving at read time (instead of storing at seeding) keeps the starter units, units added by hand and
 * renamed units all covered, and an office's own keywords always win. Pure; no I/O.
 */

/**
 * Name fragment (alternatives separated by |) → remit keywords of the departments a 政务公开 plan assigns most
 * often. The keywords are words plan items use for the department's field ("征地", "预决算", "双随机"), not its
 * generic duties.
 */
const REMIT_BY_NAME: readonly [fragments: string, keywords: string][] = [
  ["政府办", "政务公开 政府信息公开 依申请公开 政府网站 政府公报 政务新媒体 政策解读 年度报告 信息公开条例"],
  ["发展和改革|发展改革", "发展改革 重大项目 重大建设项目 投资 价格 收费 信用 宏观"],
  ["教育", "教育 学校 招生 义务教育 学前教育"],
  ["科学技术", "科技 科研 科技创新"],
  ["工业和信息化", "工业 信息化 中小企业 民营企业 制造业"],
  ["公安", "公安 治安 户籍 交通管理 出入境"],
  ["民政", "民政 社会救助 低保 养老 殡葬 社会组织 救助"],
  ["司法", "司法 法治 普法 行政执法 执法 行政复议 规范性文件 合法性审查 法律"],
  ["财政", "财政 预算 决算 预决算 政府债务 专项资金 政府采购 绩效目标 预算绩效 国有资产"],
  ["人力资源和社会保障", "就业 社会保障 社保 人力资源 人才 工资 职称 创业"],
  ["自然资源", "自然资源 土地 征地 国土空间 规划 矿产 不动产"],
  ["生态环境", "生态环境 环境保护 污染 环保 排污 环境质量 环评 污染防治"],
  ["住房和城乡建设", "住房 保障性住房 保障房 棚户区 城乡建设 建筑 工程建设 物业"],
  ["交通运输", "交通运输 公路 道路 运输 港口"],
  ["水利", "水利 河长 水资源 防汛 水库"],
  ["农业农村", "农业 农村 乡村振兴 涉农 脱贫 扶贫 惠农"],
  ["商务", "商务 外贸 外资 招商 营商环境"],
  ["卫生健康", "卫生 医疗 医院 疫情 公共卫生 疾病 健康教育"],
  ["退役军人", "退役军人 优抚 安置"],
  ["审计", "审计"],
  ["市场监督管理", "市场监管 食品安全 药品 产品质量 双随机 抽查 市场主体 知识产权"],
  ["医疗保障", "医保 医疗保障 医疗保险"],
  ["城市管理", "城市管理 城管 市容 环境卫生"],
  ["金融", "金融 融资 上市"],
  ["政务服务", "政务服务 办事 一网通办 一窗 政务热线 网上办事 证明事项 办事指南 审批服务 行政审批 数据"],
  ["宣传部", "宣传 新闻发布 发布会 舆情 新闻媒体 主流媒体 新闻 解读"],
  ["网络安全和信息化|网信", "网信 网络安全 网络意识形态 意识形态 舆情"],
  ["税务", "税务 税收 纳税 减税降费"],
  ["应急管理", "应急 安全生产 突发事件 灾害"],
  ["统计", "统计"],
  ["国有资产", "国有企业 国资"],
  ["文化", "文化 旅游 广电"],
  ["体育", "体育"],
  ["信访", "信访"],
  ["档案", "档案"],
];

/** The kinds of unit whose name says what they do; a 人民政府 or a university answers for everything or nothing. */
const NAMED_FOR_REMIT = new Set(["office", "department", "agency", "party"]);

/** Separators an office may type between keywords: spaces, 、 ， , ； ; and line breaks. */
const SEPARATORS = /[\s、，,；;／/]+/;

/** The office's keywords as typed: split, trimmed, at least two characters, each once. */
export function parseRemit(remit: string): string[] {
  const words = remit
    .normalize("NFKC")
    .split(SEPARATORS)
    .map((w) => w.trim())
    .filter((w) => w.length >= 2);
  return [...new Set(words)];
}

/** A typed remit as stored: trimmed, empty → null (derive from the name again). */
export function normaliseRemit(remit: string | null | undefined): string | null {
  if (remit === null || remit === undefined) return null;
  const words = parseRemit(remit);
  return words.length === 0 ? null : words.join("、");
}

/**
 * The words of a department's name that name its field: the jurisdiction prefix (江门市, 中共江门市委) and the
 * organ suffix (局, 委员会, 办公室…) removed, then split at 和: 江门市人力资源和社会保障局 → 人力资源、社会保障.
 */
export function nameCoreWords(name: string): string[] {
  let core = name
    .normalize("NFKC")
    .replace(/^(?:国家税务总局)?(?:中共)?(?:[\u4e00-\u9fff]{2,4}?[省市县区])?(?:委(?!员))?/, "");
  // 网络安全和信息化委员会办公室: organ words stack up; strip them until the field is left.
  for (let previous = ""; previous !== core;) {
    previous = core;
    core = core.replace(/(?:局|委员会|办公室|厅|中心|部|办)$/, "");
  }
  return core.split(/和|及/).filter((w) => w.length >= 2 && w.length <= 8 && !GENERIC_CORE_WORDS.has(w));
}

/** Parts of department names too general to point at one department (发展和改革局 → not 发展). */
const GENERIC_CORE_WORDS = new Set([
  "人民政府",
  "政府",
  "人民",
  "发展",
  "改革",
  "管理",
  "服务",
  "工作",
  "综合",
  "事务",
]);

/** The keywords a unit is matched by: the office's own, else those derived from its name and kind. */
export function remitKeywords(unit: { name: string; kind: string; remit: string | null }): string[] {
  if (unit.remit !== null && unit.remit.trim() !== "") return parseRemit(unit.remit);
  if (!NAMED_FOR_REMIT.has(unit.kind)) return [];
  // 人民政府办公室 contains 民政: fragments are looked for in the name's comparison key, where 人民政府 is 政府.
  const name = nameKey(unit.name);
  const words = new Set(nameCoreWords(unit.name));
  for (const [fragments, keywords] of REMIT_BY_NAME) {
    if (fragments.split("|").some((f) => name.includes(f))) for (const k of keywords.split(" ")) words.add(k);
  }
  return [...words];
}

/**
 * The keywords found in `text`, longest first, without those contained in a longer hit (行政执法 found makes
 * 执法 no second hit).
 */
export function remitHits(text: string, keywords: readonly string[]): string[] {
  const normalised = text.normalize("NFKC");
  const found = [...new Set(keywords)].filter((k) => normalised.includes(k)).sort((a, b) => b.length - a.length);
  return found.filter((k, i) => !found.slice(0, i).some((longer) => longer.includes(k)));
}
