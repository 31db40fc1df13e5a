import { JIANGMEN } from "./jiangmen.ts";
import type { StarterJurisdiction } from "./types.ts";
import { ZHANJIANG } from "./zhanjiang.ts";

export type { StarterGroup, StarterJurisdiction, StarterUnit } from "./types.ts";

/** 广东省 and the two cities of the seed documents, parents before children. */
export const STARTER_REGISTRY: StarterJurisdiction[] = [
  {
    code: "440000",
    name: "广东省",
    level: "province",
    parentCode: null,
    units: [
      { name: "广东省人民政府", kind: "government", shortName: "省政府" },
      { name: "广东省人民政府办公厅", kind: "office", shortName: "省政府办公厅" },
    ],
    groups: [],
  },
  ...JIANGMEN,
  ...ZHANJIANG,
];
