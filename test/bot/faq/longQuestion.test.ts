/** Issue 9, item 6: a question of any length costs what its first part costs, and is still understood. */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstPart, QUERY_BOUNDS } from "../../../src/bot/faq/search/index.js";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ logLevel: "info" });
});
afterEach(() => h.close());
const t = (lng: string) => h.services.i18n.getFixedT(lng);

/** No words at all: emoji and punctuation, as pasted decoration. */
const PADDING = "🙏🇰🇿 ... !!! ".repeat(40);
/** Words of other topics: they would change the answer if they were searched. */
const OTHER_TOPICS = " Also taxes, residence permit, police certificate, family, bank account, health insurance? ".repeat(40);

describe("long questions", () => {
  it.each([
    ["en", "How much does the e-visa for digital nomads cost?", "fee_evisa"],
    ["ru", "Можно ли взять с собой жену и детей по визе B12-1?", "b121_family"],
  ])("in %s are answered by their first part, however long the rest", async (lng, question, topic) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(`${question} ${PADDING}${OTHER_TOPICS}`.slice(0, 4096));
    expect(user.lastText()).toContain(`<b>${t(lng)(`faq:topic.${topic}.title`)}</b>`);
  });

  it("are not searched past the first part: words after it do not count", async () => {
    const user = new TestUser(h);
    await user.send(`${PADDING} How much does the e-visa for digital nomads cost?`);
    expect([t("en")("faq:chat.out_of_scope"), t("en")("faq:ui.not_covered")]).toContain(user.lastText());
  });

  it("cost no more than their first part: any text is searched exactly as its bounded head", () => {
    const search = h.services.faq();
    const words = fc.constantFrom("visa", "fee", "B12-1", "виза", "салық", "Gebühr", "Germany", "😀", "\u200f", "<b>", "x".repeat(60), "\n");
    const text = fc.array(fc.oneof(words, fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 20 })), { maxLength: 400 }).map((parts) => parts.join(" ").slice(0, 4096));
    fc.assert(
      fc.property(text, (question) => {
        const head = firstPart(question);
        expect(head.length).toBeLessThanOrEqual(QUERY_BOUNDS.chars);
        expect(question.startsWith(head)).toBe(true);
        expect(search.search(question)).toEqual(search.search(head));
      }),
      { seed: 9006, numRuns: 150 },
    );
  });
});
