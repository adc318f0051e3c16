/**
 * Issue 11: the EAEU citizens' topic was marked as a B12-1 topic, so a question naming B9-1 left it out and an
 * EAEU citizen asking about B9-1 got "B9-1 is open to e-visa countries" or nothing. The topic says EAEU citizens
 * need no visa at all, and what applies to them instead: it is about neither program alone.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../helpers/testBot.js";
import { TestUser } from "../../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());
const title = (lng: string, topic: string) => h.services.i18n.getFixedT(lng)(`faq:topic.${topic}.title`);

describe("EAEU citizens asking about either program", () => {
  it.each([
    ["en", "I'm Russian, can I apply for B9-1"],
    ["ru", "я из России, могу подать на B9-1?"],
    ["kk", "Ресей азаматы B9-1 ала ала ма"],
    ["de", "Ich bin Russe, kann ich B9-1 beantragen"],
    ["en", "I'm from Kyrgyzstan, do I need the b12 visa"],
  ])("in %s, %j gets the EAEU citizens' answer", async (lng, question) => {
    const user = new TestUser(h, { language_code: lng });
    await user.send(question);
    expect(user.lastText()).toContain(`<b>${title(lng, "eaeu")}</b>`);
  });
});
