import { describe, expect, it } from "vitest";
import { checklistFacts, checklistItems, CORE_ASPECTS, DOC_ROUTES, documentDetails, parseTicks, progress, tickedOf, toggleTick, NO_TICKS } from "../../src/rules/documents/index.js";
import { factList, findFact } from "../../src/rules/index.js";

describe("document checklists", () => {
  it("are the documents facts of each route, each item once", () => {
    expect(checklistItems("b9_1.residence")).toEqual(factList("b9_1.documents.residence_permit"));
    // The e-visa path: the multiple-entry visa's documents (S000), then the residence permit's; the photo once.
    const evisa = checklistItems("b9_1.evisa");
    expect(evisa.slice(0, factList("b9_1.documents.multiple_entry").length)).toEqual(factList("b9_1.documents.multiple_entry"));
    expect(evisa.filter((id) => id === "photo")).toHaveLength(1);
    expect(checklistItems("b12_1.invitation")).toEqual(factList("b12_1.documents"));
    expect(checklistItems("b12_1.no_invitation")).toEqual(factList("b12_1.documents").filter((id) => id !== "invitation_if_needed"));
    for (const route of DOC_ROUTES) expect(new Set(checklistItems(route)).size).toBe(checklistItems(route).length);
  });

  it("say what a document needs only through facts that exist", () => {
    for (const route of DOC_ROUTES) {
      for (const fact of checklistFacts(route)) expect(findFact(fact)).toBeDefined();
      for (const item of checklistItems(route)) for (const d of documentDetails(route, item)) expect(findFact(d.fact), `${route} ${item} ${d.fact}`).toBeDefined();
    }
    const police = documentDetails("b9_1.residence", "police_clearance");
    expect(police.map((d) => d.aspect)).toEqual(["legalization", "validity", "issuer", "condition"]);
    expect(findFact(police.find((d) => d.aspect === "validity")!.fact)?.confidence).toBe("reported");
    // A CV: the sources say nothing of apostille, translation, validity or issuer.
    expect(documentDetails("b9_1.residence", "cv").filter((d) => CORE_ASPECTS.includes(d.aspect))).toEqual([]);
    expect(documentDetails("b12_1.invitation", "tax_return")[0]!.fact).toBe("b12_1.doc_detail.tax_return_issuer");
  });
});

describe("ticks", () => {
  it("toggle per route, in checklist order, and ignore items not on the route", () => {
    let ticks = toggleTick(NO_TICKS, "b9_1.residence", "photo");
    ticks = toggleTick(ticks, "b9_1.residence", "cv");
    expect(tickedOf(ticks, "b9_1.residence")).toEqual(["cv", "photo"]);
    expect(progress(ticks, "b9_1.residence")).toEqual({ done: 2, total: checklistItems("b9_1.residence").length });
    expect(tickedOf(ticks, "b9_1.evisa")).toEqual([]);
    expect(toggleTick(ticks, "b9_1.residence", "tax_return")).toBe(ticks);
    expect(tickedOf(toggleTick(ticks, "b9_1.residence", "cv"), "b9_1.residence")).toEqual(["photo"]);
  });

  it("read back from storage: anything not fitting the schema is no ticks", () => {
    const good = { v: 1, routes: { "b12_1.invitation": ["tax_return"] } };
    expect(parseTicks(good)).toEqual(good);
    for (const bad of [undefined, null, "x", { v: 2, routes: {} }, { v: 1, routes: { "b9_1.other": ["cv"] } }, { v: 1, routes: { "b9_1.residence": ["<b>"] } }]) {
      expect(parseTicks(bad)).toEqual(NO_TICKS);
    }
    // An item dropped from a checklist since it was ticked no longer counts.
    expect(tickedOf({ v: 1, routes: { "b9_1.residence": ["cv", "gone_item"] } }, "b9_1.residence")).toEqual(["cv"]);
  });
});
