import { InputFile } from "grammy";
import type { BotContext } from "../context.js";
import { FeatureComposer } from "../middleware/featureComposer.js";

/** `/mydata`: a JSON file of everything stored about the person, decrypted. Works mid-conversation. */
export const mydataFeature = new FeatureComposer<BotContext>();

mydataFeature.chatType("private").command("mydata", async (ctx) => {
  const data = await ctx.services.stores.personal.export(ctx.from.id);
  const file = new InputFile(Buffer.from(JSON.stringify(data, null, 2) + "\n", "utf8"), "nomad-kz-my-data.json");
  await ctx.replyWithDocument(file, { caption: ctx.t("mydata.caption") });
});
