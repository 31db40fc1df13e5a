/**
 * The thresholds of the coverage check, in one place, with the reasoning an office can follow.
 *
 * Vocabulary: an upstream item (a national or provincial 要点 paragraph) is split into tasks, one per sentence
 * (see tasks.ts). A local item (a row of the city table) is matched to the upstream items it was drawn from.
 *
 * 1. MATCH — is local item L drawn from upstream item U?  score = the share of L's key-term weight that occurs in
 *    U (weighted recall of L by U). City tables copy or shorten the national sentences, so a local item drawn
 *    from U finds most of its words in U; an item from another paragraph finds only generic ones (which weigh
 *    a tenth). L matches U when score ≥ MATCH_MIN. A city item usually comes from one paragraph, so L also
 *    matches another only if that scores within MATCH_MARGIN of its best; an item that fits more than
 *    MAX_ATTRIBUTIONS paragraphs is too vague to attribute ("进一步做好决策公开工作") and is left to a person.
 *    Structure counts too: city tables often file their rows under the upstream paragraph's title as a heading
 *    (“深入解读重要政策措施”). A local item whose own heading is that title (bigram Jaccard ≥ SAME_TITLE_MIN) is
 *    attributed to that paragraph alone when its text agrees at least weakly (score ≥ HEADING_MATCH_MIN): the
 *    city has said where it belongs, and its own elaboration (细则, examples) should not hide it.
 * 2. TASK — is one task (sentence) of U taken up?  recall = the share of the task's key-term weight found in the
 *    union of U's matched local items. Taken up when recall ≥ TASK_MIN: a city rewrites and shortens
 *    ("开展政务公开培训" for a 40-character sentence on training after the new 条例), so half is the bar, not all.
 * 3. STATUS of U:
 *    - covered (覆盖): a local item is explicitly linked to U (the office's own record decides), or at least
 *      COVERED_SHARE of U's tasks are taken up. Not all: national paragraphs contain tasks only a national body
 *      can do ("国务院各部门…吹风会", "中国政府网为总门户"), which a city plan rightly leaves out.
 *    - partly (部分覆盖): at least one task is taken up, but fewer than COVERED_SHARE.
 *    - not covered (未覆盖): no task is taken up. The item then gets up to SUGGESTION_COUNT ranked suggestions.
 * 4. UNSURE — a result is flagged for a person to check when it hangs on a close call: the status would change
 *    if the tasks scoring within UNSURE_BAND of TASK_MIN went the other way, or a not-covered item's best
 *    candidate came within UNSURE_BAND of MATCH_MIN.
 */
export const MATCH_MIN = 0.5;
export const MATCH_MARGIN = 0.1;
export const MAX_ATTRIBUTIONS = 2;
export const SAME_TITLE_MIN = 0.6;
export const HEADING_MATCH_MIN = 0.25;
export const TASK_MIN = 0.5;
export const COVERED_SHARE = 0.6;
export const UNSURE_BAND = 0.15;
export const SUGGESTION_COUNT = 3;
