import { describe, expect, it } from "vitest";
import type { Jurisdiction, Unit } from "@luoshi/contract";
import { parseGroupTable, parseUnitTable, tableKind, UNIT_COLUMNS, unitsToTable } from "./org-exchange.ts";
import { readCsv, readXlsx, sanitizeCell, unsanitizeCell, writeCsv, writeXlsx } from "./org-sheets.ts";

const header = [...UNIT_COLUMNS];
const jm: Jurisdiction = { id: "jm", code: "440700", name: "江门市", level: "city", parentId: null };

describe("registry tables", () => {
  it("neutralise formula cells on export and restore them on import", () => {
    for (const value of ["=1+1", "+86", "-减", "@SUM(A1)", "\tx"]) {
      expect(sanitizeCell(value)).toBe(`'${value}`);
      expect(unsanitizeCell(sanitizeCell(value))).toBe(value);
    }
    expect(sanitizeCell("江门市司法局")).toBe("江门市司法局");
    expect(unsanitizeCell("'普通")).toBe("'普通");
  });

  it("write units with current aliases only, sorted by code and name", () => {
    const unit: Unit = {
      id: "u",
      jurisdictionId: "jm",
      name: "江门市政务服务和数据管理局",
      shortName: "市政务服务和数据管理局",
      kind: "department",
      validFrom: null,
      validTo: null,
      names: [
        { name: "江门市政务服务数据管理局", kind: "official", validFrom: null, validTo: "2023-12-31" },
        { name: "市数据局", kind: "alias", validFrom: null, validTo: null },
        { name: "市旧别名", kind: "alias", validFrom: null, validTo: "2020-01-01" },
      ],
      version: 3,
    };
    const table = unitsToTable([unit], new Map([["jm", jm]]));
    expect(table[1]).toEqual([
      "440700",
      "江门市",
      "江门市政务服务和数据管理局",
      "市政务服务和数据管理局",
      "政府工作部门",
      "市数据局",
      "",
      "",
    ]);
    expect(tableKind(table)).toBe("units");
  });

  it("report every wrong unit row with its number and skip blank rows", () => {
    const { rows, errors } = parseUnitTable(
      [
        header,
        ["440700", "江门市", "江门市司法局", "市司法局", "政府工作部门", "司法局、市司法", "2019-01-01", ""],
        ["", "", "", "", "", "", "", ""],
        ["4407", "江门市", "甲", "", "部门", "", "2019-02-30", "2018-01-01"],
        ["440700", "江门市", "江门市乙局", "", "agency", "", "2020-01-01", "2019-01-01"],
      ],
      "单位表",
    );
    expect(rows.map((r) => [r.row, r.name, r.kind, r.aliases])).toEqual([
      [2, "江门市司法局", "department", ["司法局", "市司法"]],
    ]);
    expect(errors.map((e) => e.row)).toEqual([4, 4, 4, 4, 5]);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^单位表第 4 行：行政区划代码“4407”/),
      expect.stringMatching(/单位全称不能为空/),
      expect.stringMatching(/类别“部门”无效/),
      expect.stringMatching(/启用日期“2019-02-30”/),
      expect.stringMatching(/停用日期早于启用日期/),
    ]);
  });

  it("check the header before any row", () => {
    const { errors } = parseUnitTable([["代码", "名称"]], "单位表");
    expect(errors[0]).toMatchObject({ row: 1, message: expect.stringMatching(/表头第 1 列应为“行政区划代码”/) });
    expect(tableKind([["a"]])).toBeUndefined();
  });

  it("read groups with 是/否 and members split on 、", () => {
    const { rows, errors } = parseGroupTable(
      [
        ["区划代码", "组名", "按事项指定", "成员（、分隔）"],
        ["440700", "市有关单位", "是", ""],
        ["440700", "各市（区）人民政府", "否", "台山市人民政府、开平市人民政府"],
      ],
      "分组表",
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.perItem, r.members.length])).toEqual([
      [true, 0],
      [false, 2],
    ]);
  });

  it("round-trip through CSV (with BOM) and .xlsx byte formats", async () => {
    const table = [header, ["440700", "江门市", "=危险", "", "其他", "a、b", "2024-01-01", ""]];
    const csv = writeCsv(table);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readCsv(csv)).toEqual(table);
    const [sheet] = await readXlsx(await writeXlsx([{ name: "单位", table }]));
    expect(sheet?.table).toEqual(table);
  });
});
