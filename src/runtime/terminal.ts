import { Api } from "grammy";
import type { User } from "grammy/types";
import { join } from "node:path";
import { registerBotProfile } from "../bot/commands.js";
import type { BotServices } from "../bot/context.js";
import { pickLocale } from "../bot/i18n.js";
import { createBot } from "../bot/index.js";
import { TerminalChat } from "../local/terminalChat.js";
import { InteractiveGate } from "../reminders/interactiveGate.js";
import { startReminders } from "./reminders.js";

/** Placeholder token for the local chat: no request with it ever leaves the process. */
const LOCAL_TOKEN = "0:local-chat";

/** Runs the very same bot against the in-process Bot API emulator, with this terminal as the user. */
export async function runInTerminal(services: BotServices, dataDir: string, keyWarning: string | undefined): Promise<void> {
  const languageCode = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "en").split(/[_.]/)[0];
  const user: User = {
    id: 1,
    is_bot: false,
    first_name: process.env.USER && process.env.USER !== "root" ? process.env.USER : "Friend",
    language_code: languageCode,
  };
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  const chat = new TerminalChat({ input: process.stdin, output: process.stdout, user, downloadsDir: join(dataDir, "downloads"), color });
  const gate = new InteractiveGate();
  const client = { fetch: chat.emulator.fetch as never };
  const bot = createBot(LOCAL_TOKEN, services, { botInfo: chat.emulator.botInfo, client, gate });
  await registerBotProfile(bot.api, services.i18n);
  const locale = pickLocale((await services.stores.users.get(user.id)).language, languageCode);
  const banner = [
    `nomad-kz · local chat (no BOT_TOKEN set). You are "${user.first_name}", language ${locale}; data in ${dataDir}.`,
    "Type a message or a command such as /start. When buttons are shown as [1] [2] …, type the number to press one",
    "(start a line with ' to send a number as text). /quit or Ctrl+D to leave.",
    ...(keyWarning ? [`Note: ${keyWarning}`] : []),
    "",
  ];
  const dispatcher = await startReminders(new Api(LOCAL_TOKEN, client), services, gate);
  await chat.run(bot, banner);
  await dispatcher.stop();
  services.stores.close();
}
