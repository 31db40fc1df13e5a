import type { StarterJurisdiction, StarterUnit } from "./types.ts";

/**
 * 江门市 (440700): the city's own units named in its 政务公开 documents (seeds 000, 001), with the names the
 * documents use as short names and aliases, and the groups its notices address.
 */

const CITY = "江门市";

/** A city department: full name 江门市<name>, written 市<short> in the city's documents. */
const dept = (name: string, extra: Omit<Partial<StarterUnit>, "name"> = {}): StarterUnit => ({
  name: `${CITY}${name}`,
  kind: "department",
  shortName: `市${name}`,
  ...extra,
});

export const JIANGMEN_DEPARTMENTS: StarterUnit[] = [
  dept("发展和改革局", { shortName: "市发展改革局", aliases: ["市发改局"] }),
  dept("教育局"),
  dept("科学技术局", { shortName: "市科技局" }),
  dept("工业和信息化局", { aliases: ["市工信局"] }),
  dept("公安局"),
  dept("民政局"),
  dept("司法局"),
  dept("财政局"),
  dept("人力资源和社会保障局", { shortName: "市人力资源社会保障局", aliases: ["市人社局"] }),
  dept("自然资源局"),
  dept("生态环境局"),
  dept("住房和城乡建设局", { shortName: "市住房城乡建设局", aliases: ["市住建局"] }),
  dept("交通运输局"),
  dept("水利局"),
  dept("农业农村局"),
  dept("商务局"),
  dept("卫生健康局", { aliases: ["市卫健局"] }),
  dept("退役军人事务局"),
  dept("审计局"),
  dept("市场监督管理局", { shortName: "市市场监管局" }),
  dept("医疗保障局", { aliases: ["市医保局"] }),
  dept("城市管理和综合执法局", { shortName: "市城市管理综合执法局" }),
  dept("金融工作局", { shortName: "市金融局", aliases: ["市金融工作局"] }),
  // Renamed in the 2024 institutional reform. The exact day is the office's to confirm: 2024-01-01 marks the year.
  dept("政务服务数据管理局", {
    renames: [{ name: `${CITY}政务服务和数据管理局`, shortName: "市政务服务和数据管理局", on: "2024-01-01" }],
  }),
];

export const JIANGMEN_AGENCIES: StarterUnit[] = [
  // Vertically managed (垂直管理), but addressed by the city's notices like its own units.
  { name: "国家税务总局江门市税务局", kind: "agency", shortName: "市税务局", aliases: ["江门市税务局"] },
];

const OTHERS: StarterUnit[] = [
  { name: `${CITY}人民政府`, kind: "government", shortName: "市政府" },
  { name: `${CITY}人民政府办公室`, kind: "office", shortName: "市政府办公室", aliases: ["市府办"] },
  { name: "中共江门市委宣传部", kind: "party", shortName: "市委宣传部" },
  { name: "中共江门市委网络安全和信息化委员会办公室", kind: "party", shortName: "市委网信办" },
  { name: "五邑大学", kind: "university" },
  { name: "江门职业技术学院", kind: "university" },
  { name: "广东南方职业学院", kind: "university" },
  { name: "江门开放大学", kind: "university" },
];

const COUNTIES: [code: string, name: string][] = [
  ["440703", "蓬江区"],
  ["440704", "江海区"],
  ["440705", "新会区"],
  ["440781", "台山市"],
  ["440783", "开平市"],
  ["440784", "鹤山市"],
  ["440785", "恩平市"],
];

const names = (units: StarterUnit[]) => units.map((u) => u.name);
const countyGovernment = (name: string): StarterUnit => ({ name: `${name}人民政府`, kind: "government" });

export const JIANGMEN: StarterJurisdiction[] = [
  {
    code: "440700",
    name: CITY,
    level: "city",
    parentCode: "440000",
    units: [...OTHERS, ...JIANGMEN_DEPARTMENTS, ...JIANGMEN_AGENCIES],
    groups: [
      { name: "各市（区）人民政府", members: COUNTIES.map(([, name]) => countyGovernment(name).name) },
      { name: "市政府各部门", members: names(JIANGMEN_DEPARTMENTS) },
      { name: "各直属机构", members: names(JIANGMEN_AGENCIES) },
      { name: "市有关单位", perItem: true, members: [] },
      { name: "市各行政执法单位", perItem: true, members: [] },
    ],
  },
  ...COUNTIES.map(([code, name]): StarterJurisdiction => ({
    code,
    name,
    level: "county",
    parentCode: "440700",
    units: [countyGovernment(name)],
    groups: [],
  })),
];
