import type { Context, MiddlewareFn } from "grammy";
import { z } from "zod";
import type { KeyValueStore } from "../../store/index.js";
import type { StepFlow } from "../../flows/step.js";
import type { BotContext } from "../context.js";
import { ConversationStorageError, stepFailed } from "./stepGuard.js";

/** What a chat's open flow stores: the flows' version, which flow, its fixed part and its state. */
const RECORD = z.object({ v: z.number(), flow: z.string(), fixed: z.unknown(), state: z.unknown() });
type FlowRecord = z.infer<typeof RECORD>;

/** The open flow of the update's chat, as features see it (`ctx.flow`). */
export interface FlowControl {
  /** The id of the open flow, if one is open. */
  active(): string | undefined;
  /** Ends the open flow, if any (its state is deleted when the update is done). */
  exitAll(): void;
  /** Ends the open flow and starts `id`: its intro and first question go out now. */
  enter(id: string): Promise<void>;
  /** The flow's record went with the person's data (/forget): nothing is left to write back or delete. */
  erased(): void;
}

export interface FlowFlavor {
  flow: FlowControl;
}

// Flows are registered with their own state types; the control handles them through this erased view.
type AnyFlow = StepFlow<unknown, unknown>;

const guarded = async <T>(operation: "read" | "write" | "delete", run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    throw new ConversationStorageError(operation, error);
  }
};

class ChatFlows implements FlowControl {
  /** The record stored when the update is done; changed marks that it must be written (or deleted). */
  changed = false;

  constructor(
    private readonly ctx: BotContext,
    private readonly flows: ReadonlyMap<string, AnyFlow>,
    private readonly version: number,
    public record: FlowRecord | undefined,
  ) {}

  active(): string | undefined {
    return this.record?.flow;
  }

  exitAll(): void {
    if (this.record === undefined) return;
    this.record = undefined;
    this.changed = true;
  }

  erased(): void {
    this.record = undefined;
    this.changed = false;
  }

  async enter(id: string): Promise<void> {
    const flow = this.flows.get(id);
    if (!flow) throw new Error(`no flow "${id}" is registered`);
    this.exitAll();
    const begun = await flow.begin(this.ctx);
    if (!begun) return;
    await this.settle(flow, begun.fixed, begun.state);
  }

  /** Shows `state` and keeps what the flow then waits in. */
  async settle(flow: AnyFlow, fixed: unknown, state: unknown): Promise<void> {
    const waiting = await flow.show(this.ctx, fixed, state);
    this.record = { v: this.version, flow: flow.id, fixed, state: waiting };
    this.changed = true;
  }
}

/**
 * Reads the chat's open flow before the features run and stores what it became after them, in one row per chat
 * (`stores.conversations`, encrypted like everything else). The state is written only when it changed, and
 * never when the update failed below (stepGuard marks it): a step that fails leaves the flow where it was. A
 * record of another FLOWS_VERSION, or one that does not parse as its flow's state, is dropped (and deleted), and
 * the chat has no open flow. Storage that cannot be read or written throws ConversationStorageError, which
 * conversationStorageGuard (above this) turns into a message to the person.
 */
export function flowState(
  store: KeyValueStore<unknown>,
  flows: readonly AnyFlow[],
  version: number,
  key: (ctx: Context) => string | undefined,
): MiddlewareFn<BotContext> {
  const byId = new Map(flows.map((f) => [f.id, f]));
  return async (ctx, next) => {
    const k = key(ctx);
    const raw = k === undefined ? undefined : await guarded("read", () => store.read(k));
    const record = raw === undefined ? undefined : readable(raw, byId, version);
    const chat = new ChatFlows(ctx, byId, version, record);
    // Something was stored that is no longer readable as a flow: it goes, and the chat is free.
    if (raw !== undefined && record === undefined) {
      chat.changed = true;
      ctx.services.logger.info({ update_id: ctx.update.update_id }, "dropped a stored flow of another version or shape");
    }
    ctx.flow = chat;
    await next();
    if (k === undefined || !chat.changed || stepFailed(ctx)) return;
    const done = chat.record;
    if (done) await guarded("write", () => store.write(k, done));
    else await guarded("delete", () => store.delete(k));
  };
}

function readable(raw: unknown, flows: ReadonlyMap<string, AnyFlow>, version: number): FlowRecord | undefined {
  const record = RECORD.safeParse(raw);
  if (!record.success || record.data.v !== version) return undefined;
  const flow = flows.get(record.data.flow);
  if (!flow) return undefined;
  const parts = flow.stored.safeParse({ fixed: record.data.fixed, state: record.data.state });
  return parts.success ? { ...record.data, ...parts.data } : undefined;
}

/** Where the flow stands in the features' order: an update that reaches it while it is open is its to handle. */
export function flowStep(flow: AnyFlow): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const chat = ctx.flow;
    if (!(chat instanceof ChatFlows)) throw new Error("flowStep runs only below flowState: install flowState(...) earlier in the middleware chain");
    const record = chat.record;
    if (record?.flow !== flow.id) return next();
    const result = await flow.handle(ctx, record.fixed, record.state);
    switch (result.kind) {
      case "next":
        return chat.settle(flow, record.fixed, result.state);
      case "done":
        return chat.exitAll();
      case "leave":
        chat.exitAll();
        return next();
      case "skip":
        return;
      case "pass":
        return next();
    }
  };
}
