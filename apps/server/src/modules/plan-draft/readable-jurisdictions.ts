import type { Actor } from "../access/scope.ts";
import type { Db } from "../plan/document.repository.ts";
import { canReadJurisdiction } from "../plan/plan-context.ts";

/**
 * canReadJurisdiction asked once per jurisdiction: each answer walks the jurisdiction tree with a query per level,
 * and the links or candidate plans checked in one request share a handful of jurisdictions.
 */
export function readableJurisdictions(db: Db, actor: Actor): (jurisdictionId: string) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>();
  return (jurisdictionId) => {
    let answer = answers.get(jurisdictionId);
    if (!answer) {
      answer = canReadJurisdiction(db, actor, jurisdictionId);
      answers.set(jurisdictionId, answer);
    }
    return answer;
  };
}
