import type { CoverageReport } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import type { Actor } from "../access/scope.ts";
import { computeCoverage, type CoverageResult, type LocalMatch } from "../coverage/coverage.ts";
import type { Db } from "../plan/document.repository.ts";
import { getReadablePlan } from "../plan/plan-context.ts";
import {
  countPlanContents,
  findPlanRow,
  listItemRows,
  listPlanRows,
  type ItemRow,
  type PlanRow,
} from "../plan/plan.repository.ts";
import { listCitedDocumentIds, listLinksBetweenPlans } from "./plan-draft.repository.ts";
import { toCoverageItem } from "./plan-items.ts";
import { readableJurisdictions } from "./readable-jurisdictions.ts";

/**
 * The coverage view: the upstream plan beside the local one, each upstream item covered / partly / not covered
 * (modules/coverage), the office's recorded links deciding where they exist.
 */

/** How far up the 文号 citations to look: the city notice → the provincial forward → the national 要点. */
const CITATION_DEPTH = 3;

export async function getPlanCoverage(
  db: Db,
  actor: Actor,
  input: { planId: string; upstreamPlanId?: string | undefined },
): Promise<CoverageReport> {
  const local = await getReadablePlan(db, actor, input.planId);
  const candidates = await upstreamCandidates(db, actor, local);
  let upstream: PlanRow | undefined;
  if (input.upstreamPlanId !== undefined) {
    upstream = await getReadablePlan(db, actor, input.upstreamPlanId);
    if (upstream.id === local.id) throw new AppError("VALIDATION_FAILED", "不能以方案自身作为上级方案");
  } else {
    upstream = candidates[0];
  }
  const presentCandidates = candidates.map((c) => ({ id: c.id, title: c.title }));
  if (!upstream) {
    // Nothing cited is stored (or readable): an empty report that says so, for the caller to pick a plan.
    return {
      planId: local.id,
      upstreamPlanId: null,
      upstreamTitle: null,
      localTitle: local.title,
      upstreamCandidates: presentCandidates,
      summary: { covered: 0, partly: 0, notCovered: 0, unsure: 0 },
      items: [],
      unmatchedLocal: [],
    };
  }
  const localItems = await listItemRows(db, [local.id]);
  const upstreamItems = await listItemRows(db, [upstream.id]);
  const links = await listLinksBetweenPlans(db, local.id, upstream.id);
  const result = computeCoverage({
    upstream: upstreamItems.map(toCoverageItem),
    local: localItems.map(toCoverageItem),
    links: links.map((l) => ({ localId: l.item_id, upstreamId: l.upstream_item_id })),
  });
  return {
    planId: local.id,
    upstreamPlanId: upstream.id,
    upstreamTitle: upstream.title,
    localTitle: local.title,
    upstreamCandidates: presentCandidates,
    ...presentResult(result, localItems),
  };
}

function presentResult(
  result: CoverageResult,
  localItems: readonly ItemRow[],
): Pick<CoverageReport, "summary" | "items" | "unmatchedLocal"> {
  const textOf = new Map(localItems.map((i) => [i.id, i.text]));
  const match = (m: LocalMatch) => ({ ...m, text: textOf.get(m.localId) ?? "" });
  return {
    summary: result.summary,
    items: result.items.map((i) => ({
      upstreamId: i.upstreamId,
      path: i.path,
      text: i.text,
      status: i.status,
      basis: i.basis,
      taskShare: i.taskShare,
      tasksTakenUp: i.tasks.filter((t) => t.takenUp).length,
      taskCount: i.tasks.length,
      unsure: i.unsure,
      matches: i.matches.map(match),
      suggestions: i.suggestions.map(match),
    })),
    unmatchedLocal: result.unmatchedLocal.map((u) => ({ ...u, text: textOf.get(u.localId) ?? "" })),
  };
}

/**
 * The plans this plan may be compared against, the default first: the plan it was drafted from, then the plans
 * of the documents its document cites by 文号, followed up the chain (a city notice cites the provincial
 * forward, which cites the national 要点). Among cited plans the one with the most items comes first: a
 * forwarding notice's own short body ("请认真贯彻落实") is a plan too, but not the one implemented.
 * Only plans the actor may read.
 */
async function upstreamCandidates(db: Db, actor: Actor, local: PlanRow): Promise<PlanRow[]> {
  const seen = new Set([local.document_id]);
  const cited: string[] = [];
  let frontier = [local.document_id];
  for (let depth = 0; depth < CITATION_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const id of await listCitedDocumentIds(db, frontier)) {
      if (seen.has(id)) continue;
      seen.add(id);
      next.push(id);
    }
    cited.push(...next);
    frontier = next;
  }
  const order = new Map(cited.map((id, i) => [id, i]));
  const plans = (await listPlanRows(db, { documentIds: cited })).filter((p) => p.id !== local.id);
  const counts = await countPlanContents(
    db,
    plans.map((p) => p.id),
  );
  const items = (p: PlanRow) => counts.get(p.id)?.itemCount ?? 0;
  plans.sort(
    (a, b) =>
      items(b) - items(a) ||
      (order.get(a.document_id) ?? 0) - (order.get(b.document_id) ?? 0) ||
      a.position - b.position,
  );
  const drafted = local.drafted_from_plan_id ? await findPlanRow(db, local.drafted_from_plan_id) : undefined;
  const all = [...(drafted ? [drafted] : []), ...plans.filter((p) => p.id !== drafted?.id && items(p) > 0)];
  const canRead = readableJurisdictions(db, actor);
  const readable: PlanRow[] = [];
  for (const p of all) if (await canRead(p.jurisdiction_id)) readable.push(p);
  return readable;
}
