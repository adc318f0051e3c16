import { sequentialize } from "@grammyjs/runner";
import { Bot, lazySession, type ApiClientOptions, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { BotContext, BotServices, SessionData } from "./context.js";
import { createEligibilityFlow } from "../flows/eligibility.js";
import { cancelFeature } from "./features/cancel.js";
import { checkFeature } from "./features/check.js";
import { planFeature } from "./features/plan.js";
import { faqFeature } from "./features/faq.js";
import { chatMemberFeature } from "./features/chatMember.js";
import { deadlinesFeature } from "./features/deadlines.js";
import { documentsFeature } from "./features/documents.js";
import { compareFeature } from "./features/compare.js";
import { feesFeature } from "./features/fees.js";
import { remindersFeature } from "./features/reminders.js";
import { settingsFeature } from "./features/settings.js";
import { createRemindFlow } from "../flows/remind.js";
import type { InteractiveGate } from "../reminders/interactiveGate.js";
import { helpFeature } from "./features/help.js";
import { languageFeature } from "./features/language.js";
import { privacyFeature } from "./features/privacy.js";
import { forgetFeature } from "./features/forget.js";
import { inlineFeature } from "./features/inline.js";
import { alertsFeature } from "./features/alerts.js";
import { mydataFeature } from "./features/mydata.js";
import { personalDataFeature } from "./features/personalData.js";
import { startFeature } from "./features/start.js";
import { unhandledFeature } from "./features/unhandled.js";
import { chatlessFilter } from "./middleware/chatless.js";
import { errorHandler } from "./middleware/errors.js";
import { fairTurn } from "./middleware/fairTurn.js";
import { groupFilter } from "./middleware/groupFilter.js";
import { i18nMiddleware } from "./middleware/i18n.js";
import { rateLimit } from "./middleware/rateLimit.js";
import { chain, isCommandOrPress, isKind, onlyWhen } from "./middleware/route.js";
import { conversationStorageGuard, stepGuard } from "./middleware/stepGuard.js";
import { flowState, flowStep } from "./middleware/flows.js";
import { StepWatchdog } from "./middleware/stepWatchdog.js";
import { directApi, directCall } from "./transport/directCall.js";
import { resilientClient, type RetryPolicy } from "./transport/index.js";
import { updateLogger } from "./middleware/updateLogger.js";

/**
 * Stored with each open flow (middleware/flows.ts): bumped whenever what a flow stores changes in meaning, so that
 * a flow stored by another version is dropped, not misread. 5: flows as state machines (until 4, the conversations
 * plugin's replay logs).
 */
export const FLOWS_VERSION = 5;

export interface BotOptions {
  /** Preset identity: skips the getMe call (tests, local chat). */
  botInfo?: UserFromGetMe;
  /** Bot API client options: `apiRoot` for self-hosted servers, `fetch` for an emulated Bot API. */
  client?: ApiClientOptions;
  /** Counts updates in flight so background reminder sends wait for interactive replies. */
  gate?: InteractiveGate;
  /**
   * Overrides of the Bot API retry policy (tests inject `sleep`, and short `attemptTimeoutMs` / `callTimeoutMs`: how
   * long a call may go unanswered before it fails as a network error, 20 s an attempt and 45 s a call); every retry
   * is logged.
   */
  retry?: Partial<RetryPolicy>;
  /** How long an update may go without any Bot API call before it is given up and its chat released (30 s). */
  stepIdleMs?: number;
}

/** Serializes updates per chat so that session and conversation state never race. */
export function chatKey(ctx: Context): string | undefined {
  return ctx.chatId?.toString() ?? ctx.from?.id.toString();
}

/**
 * Builds the bot with every feature wired in a fixed order. Everything it touches outside itself
 * (storage, i18n, logger, clock, Bot API transport) comes in through `services` and `options`.
 */
export function createBot(token: string, services: BotServices, options: BotOptions = {}): Bot<BotContext> {
  // Each update's Api makes its JSON calls straight through the client's fetch (transport/directCall.ts says why).
  const watchdog = new StepWatchdog(options.stepIdleMs ?? 30_000, Date.now, (outer, clientOptions) => directApi(outer.token, clientOptions, outer));
  const client = resilientClient(options.client, {
    onRetry: ({ method, attempt, delayMs, reason }) =>
      services.logger.warn({ method, attempt, retry_in_ms: delayMs, reason }, "Bot API call failed; retrying"),
    ...options.retry,
  });
  const bot = new Bot<BotContext>(token, { botInfo: options.botInfo, client });
  const check = createEligibilityFlow(services);
  const remind = createRemindFlow(services);
  bot.api.config.use(directCall(token, client)); // the innermost transformer: the calls made outside updates (reminders)

  bot.catch(errorHandler());
  // One layer for both (each layer costs every update a closure and promises): services on the context, then
  // the update's own event-loop turn.
  const turn = fairTurn<BotContext>();
  bot.use((ctx, next) => {
    ctx.services = services;
    return turn(ctx, next);
  });
  // Everything below runs inside the boundary, whether updates come from the runner or handleUpdate. The layers
  // run in this order as one middleware (route.ts's `chain` says why: grammY's join of each `use` cost every
  // update two promises a layer); each one's comment says why it stands where it does.
  const app = bot.errorBoundary(errorHandler());
  app.use(
    chain<BotContext>(
      sequentialize(chatKey),
      updateLogger(),
      ...(options.gate ? [options.gate.middleware] : []),
      groupFilter(),
      rateLimit(services), // flood control: what is dropped never reaches the session or a flow
      // Lazy: the session is read (and written back) only by an update that touches `ctx.session`; no feature
      // keeps anything there yet, so no update pays a read, a decryption and a write for an empty object.
      lazySession<SessionData, BotContext>({
        initial: () => ({}),
        getSessionKey: chatKey,
        storage: services.stores.sessions as never,
      }),
      // Features with a single `on(kind)` handler, and below the groups that answer only commands and button
      // presses, are skipped for updates they cannot hear (route.ts says why: grammY's filters cost allocations per
      // update even when they do not match). A feature that gains a handler of another kind must leave its group.
      onlyWhen(isKind("my_chat_member"), chatMemberFeature),
      i18nMiddleware(services),
      onlyWhen(isKind("inline_query"), inlineFeature), // inline queries carry no chat: answered here, before the chatless filter
      chatlessFilter(),
      conversationStorageGuard(), // flow state unreadable or unwritable: say so, free the chat
      flowState(services.stores.conversations, [check, remind], FLOWS_VERSION, chatKey),
      // A step that fails or hangs below here leaves the conversation where it was and tells the person.
      stepGuard(watchdog),
      // Commands that work at any time come before the flows: an open flow would swallow them.
      personalDataFeature,
      onlyWhen(isCommandOrPress, cancelFeature, startFeature, helpFeature, languageFeature, privacyFeature, forgetFeature, mydataFeature),
      flowStep(check),
      flowStep(remind),
      onlyWhen(isCommandOrPress, alertsFeature, checkFeature, planFeature, documentsFeature, compareFeature, feesFeature, deadlinesFeature, remindersFeature),
      // These also hear plain text (a typed time zone, a question).
      settingsFeature,
      faqFeature,
      unhandledFeature,
    ),
  );
  return bot;
}
