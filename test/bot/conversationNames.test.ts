import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/testBot.js";
import { TestUser } from "../helpers/testUser.js";
import { withoutNames } from "../../src/store/withoutNames.js";
import type { KeyValueStore } from "../../src/store/index.js";

let h: Harness;
afterEach(() => h.close());

const NAMED = { id: 880_021, first_name: "Bakhytzhan", last_name: "Omarbekuly", username: "bakhyt_remote_dev", language_code: "en" };
const t = (lng: string) => h.services.i18n.getFixedT(lng);
const q = (id: string) => t("en")(`check:q.${id}`).split("\n")[0]!;

/** The conversation state as the store holds it, decrypted. */
async function storedState(id: number): Promise<string> {
  return JSON.stringify((await h.services.stores.conversations.read(String(id))) ?? null);
}

describe("conversation state stores no Telegram names", () => {
  it("keeps a /check open across a restart without the person's name, surname or username, and finishes it", async () => {
    h = await createHarness();
    const user = new TestUser(h, NAMED);
    await user.send("/check");
    await user.send("Germany");
    await user.press("No");
    const state = await storedState(NAMED.id);
    expect(state).toContain('"citizenship":"DE"'); // the answers are there: a replay needs them
    for (const name of [NAMED.first_name, NAMED.last_name, NAMED.username]) expect(state).not.toContain(name);
    expect(state).not.toMatch(/"(first_name|last_name|username)"/);

    const question = h.api.calls.filter((c) => c.method === "sendMessage").at(-1)!.result as never;
    h = await h.restart();
    user.useHarness(h);
    await user.pressData("chk:a:programming", question);
    expect(user.lastText()).toContain(q("has_degree"));
    await user.send("yes");
    await user.send("yes");
    await user.send("yes");
    await user.send("$4,500");
    await user.send("8");
    await user.send("no");
    expect(await storedState(NAMED.id)).not.toContain(NAMED.first_name);
    await user.send("31 May 2030");
    expect(user.replies().join("\n")).toContain(t("en")("check:verdict.eligible"));
    // Kept (without names) while the result offers "Change", and gone once the person moves on.
    expect(await storedState(NAMED.id)).not.toContain(NAMED.first_name);
    await user.send("thanks");
    expect(await h.services.stores.conversations.read(String(NAMED.id))).toBeUndefined();
  });

  it("strips names from senders, chats, forward and reply origins, and keeps everything else", async () => {
    h = await createHarness();
    const written: unknown[] = [];
    const inner: KeyValueStore<unknown> = {
      read: async () => undefined,
      write: async (_k, v) => void written.push(v),
      delete: async () => undefined,
      deleteStale: async () => 0,
    };
    const update = {
      update_id: 5,
      message: {
        message_id: 9,
        text: "my first_name is not a field",
        from: { id: 7, is_bot: false, first_name: "Aigerim", last_name: "S", username: "aig", language_code: "kk" },
        chat: { id: 7, type: "private", first_name: "Aigerim", username: "aig" },
        sender_chat: { id: -100, type: "channel", title: "Aigerim's channel", username: "aigch" },
        forward_origin: { type: "hidden_user", sender_user_name: "Aigerim S", date: 1 },
        reply_to_message: { message_id: 3, from: { id: 1, is_bot: true, first_name: "Bot", username: "nomad_bot" }, chat: { id: 7, type: "private", first_name: "Aigerim" }, text: "Question?" },
      },
    };
    await withoutNames(inner).write("7", { version: [0, 1], state: { check: [{ replay: { receive: [{ update }] } }] } });
    const text = JSON.stringify(written[0]);
    expect(text).not.toMatch(/Aigerim|"aig"|"aigch"|nomad_bot|"S"/);
    expect(text).toContain('"language_code":"kk"');
    expect(text).toContain("my first_name is not a field");
    expect(text).toContain("Question?");
    expect(text).toContain('"type":"hidden_user"');
  });
});
