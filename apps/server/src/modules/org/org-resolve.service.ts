import type { ResolveNamesRequest, Resolution } from "@luoshi/contract";
import { jurisdictionPath, jurisdictionSubtree } from "../access/scope.repository.ts";
import { assertReadJurisdiction, type Actor } from "./org-context.ts";
import { resolveNames, type RegistrySnapshot } from "./org-resolve.ts";
import {
  jurisdictionRowToJurisdiction,
  listGroupRows,
  listJurisdictionRows,
  listUnitRows,
  loadGroups,
  loadUnits,
  type Db,
} from "./org.repository.ts";

/** The part of the registry a document of `jurisdictionId` can name: its ancestors, itself and everything below. */
export async function loadRegistrySnapshot(db: Db, jurisdictionId: string): Promise<RegistrySnapshot> {
  const ancestors = await jurisdictionPath(db, jurisdictionId);
  const below = await jurisdictionSubtree(db, jurisdictionId);
  const jurisdictions = (await listJurisdictionRows(db)).map(jurisdictionRowToJurisdiction);
  const units = await loadUnits(
    db,
    await listUnitRows(db, { jurisdictionIds: [...new Set([...ancestors, ...below])] }),
  );
  const groups = await loadGroups(db, await listGroupRows(db, ancestors));
  return { jurisdictions, units, groups };
}

export async function resolveUnitNames(db: Db, actor: Actor, input: ResolveNamesRequest): Promise<Resolution[]> {
  await assertReadJurisdiction(db, actor, input.jurisdictionId);
  const snapshot = await loadRegistrySnapshot(db, input.jurisdictionId);
  return resolveNames(snapshot, { jurisdictionId: input.jurisdictionId, date: input.date ?? null, names: input.names });
}
