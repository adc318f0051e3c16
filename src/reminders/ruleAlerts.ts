import { GrammyError, type Api } from "grammy";
import { renderRuleAlert } from "../bot/alerts/render.js";
import { pickLocale, type I18n } from "../bot/i18n.js";
import type { Logger } from "../logger.js";
import { almatyToday, findFact, isQuietTime } from "../rules/index.js";
import { afterAlert, changedFacts, parseStoredAlerts, type FactLookup } from "../rules/alerts/index.js";
import type { Clock, Stores } from "../store/index.js";
import { DEFAULT_TIME_ZONE, GLOBAL_GAP_MS } from "./dispatcher.js";

/** Keys read per page of stores.alerts. */
const PAGE = 200;
/** While someone's alert is held back (quiet hours, a failed send), the check runs again this often. */
export const RULE_ALERTS_RETRY_MS = 60 * 60 * 1000;

export interface RuleAlertDeps {
  stores: Pick<Stores, "alerts" | "users" | "reminders" | "chatLock">;
  i18n: I18n;
  clock: Clock;
  logger: Logger;
  api: Pick<Api, "sendMessage">;
  /** The facts of the running release (findFact); a test passes changed ones. */
  facts?: FactLookup;
  /** Resolves when no interactive update is being handled (as the reminders wait). */
  idle?: () => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  /** Runs a send within the reminder dispatcher's limits (its budget, window and per-chat gap), when there is one. */
  paced?: <T>(userId: number, send: () => Promise<T>) => Promise<T>;
}

export interface RuleAlertRun {
  /** People with alerts on whose record was looked at. */
  watching: number;
  alerted: number;
  /** Alerts held back for the next run: quiet hours, reminders paused (the bot blocked), a failed send. */
  deferred: number;
}

type One = "none" | "alerted" | "deferred";

/**
 * Tells each consenting person, once, which facts their last outcome relied on the running release states
 * differently. Idempotent: the record is updated to the new facts right after its alert went, so a second run
 * (or another instance, which waits on the same per-chat lock and reads the updated record) sends nothing. Sends
 * wait for interactive updates and take their slot in the reminders' send budget (the running dispatcher's limits
 * through `paced`, and the budget shared by all instances on PostgreSQL); nothing goes in the person's quiet hours. A 429 ends the run; the rest go next time.
 */
export async function sendRuleAlerts(deps: RuleAlertDeps): Promise<RuleAlertRun> {
  const { stores, clock, logger } = deps;
  const facts = deps.facts ?? findFact;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const run: RuleAlertRun = { watching: 0, alerted: 0, deferred: 0 };
  if (!stores.alerts.listKeys) {
    logger.warn("the alerts store cannot list its keys; rule-change alerts are not checked");
    return run;
  }
  let nextSlot = 0;
  // Without a shared budget (SQLite, one process) the reminders keep theirs in memory: take every second slot.
  const gap = stores.reminders.reserveSendSlot ? GLOBAL_GAP_MS : 2 * GLOBAL_GAP_MS;
  const pace = async () => {
    const now = clock.now();
    const shared = (await stores.reminders.reserveSendSlot?.(now, GLOBAL_GAP_MS)) ?? 0;
    const at = Math.max(shared, nextSlot, now);
    nextSlot = at + gap;
    if (at > now) await sleep(at - now);
  };

  const one = async (userId: number): Promise<One> => {
    const key = String(userId);
    const record = parseStoredAlerts(await stores.alerts.read(key));
    if (!record?.consent || !record.watched) return "none";
    run.watching++;
    const changes = changedFacts(record.watched.facts, facts);
    if (changes.length === 0) return "none";
    const prefs = await stores.users.get(userId);
    if (isQuietTime(clock.now(), prefs.timezone ?? DEFAULT_TIME_ZONE) || (await stores.reminders.isPaused(userId))) return "deferred";
    await deps.idle?.();
    const { text, keyboard } = renderRuleAlert(deps.i18n, pickLocale(prefs.language ?? prefs.seenLocale, undefined), record, changes, almatyToday(clock.now()));
    const send = () => deps.api.sendMessage(userId, text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: keyboard });
    try {
      if (deps.paced) await deps.paced(userId, send);
      else {
        await pace();
        await send();
      }
    } catch (err) {
      if (err instanceof GrammyError && err.error_code === 429) throw err;
      // The error's code and Telegram's description only: its payload would carry the message.
      logger.warn({ code: err instanceof GrammyError ? err.error_code : undefined, reason: err instanceof Error ? err.message : String(err) }, "a rule-change alert could not be sent; trying again later");
      return "deferred";
    }
    // Written only if the person still has a record: a /forget while the alert was on its way stays done.
    if ((await stores.alerts.read(key)) !== undefined) await stores.alerts.write(key, afterAlert(record, facts));
    return "alerted";
  };

  try {
    for (let after = ""; ; ) {
      const keys = await stores.alerts.listKeys(after, PAGE);
      for (const key of keys) {
        if (!/^[1-9]\d{0,15}$/.test(key)) continue;
        const userId = Number(key);
        const result = await stores.chatLock(userId, () => one(userId));
        if (result === "alerted") run.alerted++;
        if (result === "deferred") run.deferred++;
      }
      if (keys.length < PAGE) break;
      after = keys.at(-1)!;
    }
  } catch (err) {
    if (!(err instanceof GrammyError && err.error_code === 429)) throw err;
    run.deferred++;
    logger.warn({ retry_after: err.parameters.retry_after }, "rate limited while sending rule-change alerts; the rest go in the next run");
  }
  if (run.alerted + run.deferred > 0) logger.info(run, "rule-change alerts checked");
  return run;
}

/**
 * Runs the check once at start (a new release is a new process: that is when facts change), then every
 * RULE_ALERTS_RETRY_MS for as long as some alert was held back. Returns a function that stops it.
 */
export function startRuleAlerts(deps: RuleAlertDeps, retryMs = RULE_ALERTS_RETRY_MS): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    if (stopped) return;
    sendRuleAlerts(deps)
      .then((run) => {
        if (!stopped && run.deferred > 0) (timer = setTimeout(loop, retryMs)).unref();
      })
      .catch((err: unknown) => {
        deps.logger.error({ err }, "rule-change alerts failed; trying again later");
        if (!stopped) (timer = setTimeout(loop, retryMs)).unref();
      });
  };
  loop();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
