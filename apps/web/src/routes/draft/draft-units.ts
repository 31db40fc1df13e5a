import type { ItemUnitInput, PlanItem, UnitSuggestion } from "@luoshi/contract";

/** Turning accepted unit suggestions into an item edit. Pure. */

/** The item's units as they are, in the edit's input shape (their mappings kept). */
export function currentUnits(item: PlanItem): ItemUnitInput[] {
  return item.units.map((u) => ({
    rawName: u.rawName,
    role: u.role,
    isGroup: u.isGroup,
    unitId: u.unitId,
    groupId: u.groupId,
  }));
}

/**
 * The units after accepting `accepted`: the item's units, then each accepted unit not already on the item, named
 * as the registry names it and mapped to it, with the suggested role.
 */
export function unitsWithAccepted(item: PlanItem, accepted: readonly UnitSuggestion[]): ItemUnitInput[] {
  const units = currentUnits(item);
  const present = new Set(item.units.map((u) => u.unitId).filter(Boolean));
  for (const s of accepted) {
    if (present.has(s.unitId)) continue;
    present.add(s.unitId);
    units.push({ rawName: s.name, role: s.role, isGroup: false, unitId: s.unitId });
  }
  return units;
}

/** Suggestions the item does not carry yet (a suggestion for a unit already on the item is settled). */
export function openSuggestions(item: PlanItem, suggestions: readonly UnitSuggestion[]): UnitSuggestion[] {
  const present = new Set(item.units.map((u) => u.unitId).filter(Boolean));
  return suggestions.filter((s) => !present.has(s.unitId));
}
