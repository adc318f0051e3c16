/**
 * While /check or /remind waits for an answer, a press on another feature's button (a reminder's "Done", a FAQ
 * topic on an earlier message) was taken by the flow: "This question has already been answered" (or an empty
 * popup) and nothing happened, until /cancel. It is now that feature's to answer, and the flow stays open.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());
const en = () => h.services.i18n.getFixedT("en");

/** The /faq menu message and the data of its first group button. */
async function faqMenu(user: TestUser) {
  await user.send("/faq");
  const menu = user.calls().find((c) => c.method === "sendMessage")!;
  const message = h.api.message(user.user.id, (menu.result as { message_id: number }).message_id)!;
  const data = (menu.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard[0]![0]!.callback_data;
  return { message, data };
}

describe("another feature's button while a flow waits", () => {
  it.each(["/check", "/remind"])("during %s, a FAQ group button of an earlier message opens the group, and the flow stays open", async (command) => {
    const user = new TestUser(h, { language_code: "en" });
    const { message, data } = await faqMenu(user);
    await user.send(command);
    await user.pressData(data, message);
    expect(user.notices()).not.toContain(en()("check:error.stale"));
    const group = en()("faq:ui.group_title", { group: en()("faq:group.programs") });
    expect(user.calls().filter((c) => c.method === "editMessageText").map((c) => c.payload.text)).toEqual([group]);
    await user.send("/cancel");
    expect(user.lastText()).toBe(en()("cancel.done"));
  });

  it.each(["/check", "/remind"])("during %s, a deadline's Done button marks it done, and the flow stays open", async (command) => {
    const user = new TestUser(h, { language_code: "en" });
    const { message } = await faqMenu(user); // any earlier message of the bot's carries the button here
    await user.send(command);
    await user.pressData("rem:done:registration", message);
    expect(user.notices()).toEqual([en()("remind:reminder.done")]);
    await user.send("/cancel");
    expect(user.lastText()).toBe(en()("cancel.done"));
  });

  it("the flow's own stale buttons are still answered as stale", async () => {
    const user = new TestUser(h, { language_code: "en" });
    const { message } = await faqMenu(user);
    await user.send("/check");
    await user.pressData("chk:back", message); // a check button on a message that is not the question's
    expect(user.notices()).toEqual([en()("check:error.stale")]);
  });
});
