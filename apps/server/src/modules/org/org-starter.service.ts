import { AppError } from "../../http/app-error.ts";
import { SYSTEM_ACTOR, inTransaction, type Actor } from "./org-context.ts";
import { createGroup } from "./org-groups.service.ts";
import { createJurisdiction, createUnit, updateUnit } from "./org-units.service.ts";
import {
  findGroupRowByName,
  findJurisdictionRowByCode,
  findUnitRowsByOfficialName,
  type Db,
} from "./org.repository.ts";
import { STARTER_REGISTRY, type StarterJurisdiction } from "./starter/index.ts";

export type SeedReport = { jurisdictions: number; units: number; groups: number };

/**
 * Loads the built-in starter registry (广东省, 江门市, 湛江市 and their counties) through the services, so every
 * row has its audit entry. Idempotent: what already exists (by 区划代码, by any official name of a unit, by group
 * name) is left as it is, so a second run adds nothing and never overwrites the office's own edits.
 * Callable from the CLI, the demo or a test; one transaction, all or nothing.
 */
export async function seedStarterRegistry(
  db: Db,
  options: { actor?: Actor; now?: Date; registry?: readonly StarterJurisdiction[] } = {},
): Promise<SeedReport> {
  const actor = options.actor ?? SYSTEM_ACTOR;
  const registry = options.registry ?? STARTER_REGISTRY;
  const report: SeedReport = { jurisdictions: 0, units: 0, groups: 0 };
  return inTransaction(db, async (trx) => {
    const jurisdictionIds = new Map<string, string>();
    const unitIds = new Map<string, string>();
    for (const j of registry) {
      let row = await findJurisdictionRowByCode(trx, j.code);
      if (!row) {
        const parentId = j.parentCode ? jurisdictionIds.get(j.parentCode) : null;
        if (parentId === undefined) throw new AppError("VALIDATION_FAILED", `上级区划 ${j.parentCode} 未定义`);
        await createJurisdiction(trx, actor, { code: j.code, name: j.name, level: j.level, parentId }, options);
        report.jurisdictions++;
        row = await findJurisdictionRowByCode(trx, j.code);
      }
      if (!row) throw new AppError("INTERNAL_ERROR", `区划 ${j.code} 创建失败`);
      jurisdictionIds.set(j.code, row.id);
      for (const u of j.units) {
        const existing = (await findUnitRowsByOfficialName(trx, row.id, u.name))[0];
        if (existing) {
          unitIds.set(u.name, existing.id);
          continue;
        }
        let unit = await createUnit(
          trx,
          actor,
          {
            jurisdictionId: row.id,
            name: u.name,
            shortName: u.shortName ?? null,
            kind: u.kind,
            validFrom: u.validFrom ?? null,
            aliases: u.aliases ?? [],
          },
          options,
        );
        for (const r of u.renames ?? []) {
          unit = await updateUnit(
            trx,
            actor,
            { id: unit.id, version: unit.version, name: r.name, renamedOn: r.on, shortName: r.shortName },
            options,
          );
        }
        unitIds.set(u.name, unit.id);
        report.units++;
      }
    }
    // Groups last: a city group lists county governments, created after the city.
    for (const j of registry) {
      const jurisdictionId = jurisdictionIds.get(j.code) as string;
      for (const g of j.groups) {
        if (await findGroupRowByName(trx, jurisdictionId, g.name)) continue;
        const memberIds = g.members.map((name) => {
          const id = unitIds.get(name);
          if (!id) throw new AppError("VALIDATION_FAILED", `分组“${g.name}”的成员“${name}”未定义`);
          return id;
        });
        await createGroup(
          trx,
          actor,
          { jurisdictionId, name: g.name, perItem: g.perItem ?? false, memberIds },
          options,
        );
        report.groups++;
      }
    }
    return report;
  });
}
