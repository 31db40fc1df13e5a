import type { StarterJurisdiction, StarterUnit } from "./types.ts";

/**
 * 湛江市 (440800): the city's own units named in its 政务公开 documents (seed 004), the county-level
 * governments and the 管委会 of 湛江经济技术开发区, and the groups its notices address.
 */

const CITY = "湛江市";

const dept = (name: string, extra: Omit<Partial<StarterUnit>, "name"> = {}): StarterUnit => ({
  name: `${CITY}${name}`,
  kind: "department",
  shortName: `市${name}`,
  ...extra,
});

export const ZHANJIANG_DEPARTMENTS: StarterUnit[] = [
  dept("发展和改革局", { shortName: "市发展改革局", aliases: ["市发改局"] }),
  dept("教育局"),
  dept("司法局"),
  dept("财政局"),
  dept("人力资源和社会保障局", { shortName: "市人力资源社会保障局", aliases: ["市人社局"] }),
  dept("自然资源局"),
  dept("生态环境局"),
  dept("住房和城乡建设局", { shortName: "市住房城乡建设局", aliases: ["市住建局"] }),
  dept("水务局"),
  dept("农业农村局"),
  dept("卫生健康局", { aliases: ["市卫健局"] }),
  dept("审计局"),
  dept("市场监督管理局", { shortName: "市市场监管局" }),
  dept("医疗保障局", { aliases: ["市医保局"] }),
  dept("城市管理和综合执法局", { shortName: "市城市管理综合执法局" }),
  dept("政务服务数据管理局"),
  dept("金融工作局"),
];

export const ZHANJIANG_AGENCIES: StarterUnit[] = [
  { name: `${CITY}人民政府研究室`, kind: "agency", shortName: "市政府研究室" },
  { name: `${CITY}人民政府行政服务中心`, kind: "agency", shortName: "市政府行政服务中心" },
  { name: `${CITY}档案馆`, kind: "agency", shortName: "市档案馆" },
  { name: "国家税务总局湛江市税务局", kind: "agency", shortName: "市税务局", aliases: ["湛江市税务局"] },
];

const OFFICE: StarterUnit[] = [
  { name: `${CITY}人民政府`, kind: "government", shortName: "市政府" },
  { name: `${CITY}人民政府办公室`, kind: "office", shortName: "市政府办公室", aliases: ["市府办"] },
];

/** Not a 行政区划 of its own: the zone's 管委会 sits in the city and is addressed with the county governments. */
const DEVELOPMENT_ZONE: StarterUnit = {
  name: "湛江经济技术开发区管理委员会",
  kind: "government",
  shortName: "湛江经开区管委会",
};

const COUNTIES: [code: string, name: string][] = [
  ["440802", "赤坎区"],
  ["440803", "霞山区"],
  ["440804", "坡头区"],
  ["440811", "麻章区"],
  ["440823", "遂溪县"],
  ["440825", "徐闻县"],
  ["440881", "廉江市"],
  ["440882", "雷州市"],
  ["440883", "吴川市"],
];

const names = (units: StarterUnit[]) => units.map((u) => u.name);
const countyGovernment = (name: string): StarterUnit => ({ name: `${name}人民政府`, kind: "government" });
const countyGovernments = [...COUNTIES.map(([, name]) => countyGovernment(name).name), DEVELOPMENT_ZONE.name];

export const ZHANJIANG: StarterJurisdiction[] = [
  {
    code: "440800",
    name: CITY,
    level: "city",
    parentCode: "440000",
    units: [...OFFICE, ...ZHANJIANG_DEPARTMENTS, ...ZHANJIANG_AGENCIES, DEVELOPMENT_ZONE],
    groups: [
      { name: "各县（市、区）人民政府（管委会）", members: countyGovernments },
      {
        name: "市府直属各单位",
        members: names([...OFFICE.slice(1), ...ZHANJIANG_DEPARTMENTS, ...ZHANJIANG_AGENCIES]),
      },
      // 湛江's 分工方案 addresses 各单位: every unit it concerns, the city's own and the county governments.
      {
        name: "各单位",
        members: [
          ...names([...OFFICE.slice(1), ...ZHANJIANG_DEPARTMENTS, ...ZHANJIANG_AGENCIES]),
          ...countyGovernments,
        ],
      },
      { name: "市有关单位", perItem: true, members: [] },
    ],
  },
  ...COUNTIES.map(([code, name]): StarterJurisdiction => ({
    code,
    name,
    level: "county",
    parentCode: "440800",
    units: [countyGovernment(name)],
    groups: [],
  })),
];
