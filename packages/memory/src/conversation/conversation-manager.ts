import type Anthropic from '@anthropic-ai/sdk';
import { ConversationError } from '../errors.ts';
import { hybrid } from '../policies/hybrid.ts';
import type { Policy } from '../policies/policy.ts';
import { extractiveSummarizer } from '../summarizers/extractive.ts';
import { TokenCounter } from '../tokens/token-counter.ts';
import { type CompactContext, compact, compactionDue } from './compact.ts';
import { type CompactionConfig, type ResolvedCompaction, resolveCompaction } from './compaction-config.ts';
import { deepFreeze } from './deep-freeze.ts';
import type { CompactionResult, ConversationEvent } from './events.ts';
import { renderMessages } from './render.ts';
import { sequenceProblem, toolUseIds } from './sequence.ts';
import { type ConversationSnapshot, SNAPSHOT_VERSION, type TokenAnchor } from './snapshot.ts';
import { ViewState } from './view-state.ts';

type Message = Anthropic.MessageParam;

/** Hooks into a memory store: facts are flushed before a summary and the index re-injected after. */
export interface MemoryHooks {
  /** Writes durable facts from messages about to be summarized. */
  flush?(messages: readonly Message[]): Promise<void>;
  /** A bounded index of what memory holds, shown at the head of the view after a summary. */
  index(): Promise<string> | string;
}

export interface ConversationManagerOptions {
  /** Pinned, never removed. */
  system?: string | Anthropic.TextBlockParam[];
  /** Tool definitions, counted in the budget. */
  tools?: Anthropic.ToolUnion[];
  /** @default hybrid({ summarizer: extractiveSummarizer() }) */
  policy?: Policy;
  compaction?: CompactionConfig;
  /** @default a new TokenCounter */
  counter?: TokenCounter;
  memory?: MemoryHooks;
}

export interface AppendOptions {
  /** Never removed from the view. */
  pinned?: boolean;
  /** 0..1, read by the importance scorer. */
  importance?: number;
}

/** Estimated tokens of each part of what is sent. */
export interface TokenBreakdown {
  readonly system: number;
  readonly tools: number;
  readonly summary: number;
  readonly memory: number;
  readonly history: number;
  readonly latestInput: number;
  readonly total: number;
}

/**
 * Owns a conversation's transcript (append-only, never rewritten) and the view derived from it (what is
 * sent next), and keeps the view under budget by compacting in chunks. Whatever leaves the view stays
 * recallable by key. All token figures are js-tiktoken estimates of Claude's counts, anchored to the
 * API's own usage when `recordUsage` is called.
 */
export class ConversationManager {
  readonly system: string | Anthropic.TextBlockParam[] | undefined;
  readonly tools: readonly Anthropic.ToolUnion[];
  readonly policy: Policy;
  readonly config: ResolvedCompaction;
  readonly counter: TokenCounter;
  readonly #memory: MemoryHooks | undefined;
  readonly #state: ViewState;
  readonly #events: ConversationEvent[] = [];
  readonly #offloaded = new Map<string, string>();
  readonly #systemRaw: number;
  readonly #toolsRaw: number;
  readonly #breaker = { failures: 0, openFor: 0 };
  /** What compaction works on: made once, as every part of it lives as long as the manager. */
  readonly #compact: CompactContext;
  #anchor: TokenAnchor | null = null;
  #sentRaw = 0;
  /** True from `view()` until `#sentRaw` is brought up to date: the view sent is counted when first needed. */
  #sentUncounted = false;

  constructor(options: ConversationManagerOptions = {}) {
    this.system = options.system;
    this.tools = options.tools ?? [];
    this.counter = options.counter ?? new TokenCounter();
    this.policy = options.policy ?? hybrid({ summarizer: extractiveSummarizer({ counter: this.counter }) });
    this.config = resolveCompaction(options.compaction);
    this.#memory = options.memory;
    this.#state = new ViewState(this.counter);
    this.#systemRaw = this.counter.rawSystem(this.system);
    this.#toolsRaw = this.counter.rawTools(this.tools);
    this.#compact = {
      state: this.#state,
      policy: this.policy,
      config: this.config,
      counter: this.counter,
      tokens: () => this.tokens(),
      tokensAtMost: () => this.#tokensAtMost(),
      systemRaw: this.#systemRaw,
      toolsRaw: this.#toolsRaw,
      memory: this.#memory,
      breaker: this.#breaker,
      record: (event) => this.#events.push(deepFreeze(event)),
    };
  }

  /** Every message ever appended, in order. */
  get transcript(): readonly Message[] {
    return this.#state.messages;
  }

  /** What compaction did, or declined to do, in order. */
  get events(): readonly ConversationEvent[] {
    return this.#events;
  }

  /** The running summary at the head of the view, if any. */
  get summary(): string | null {
    return this.#state.summary;
  }

  /**
   * Appends a message; throws `ConversationError` when the Messages API would not accept the sequence. The
   * message is frozen, blocks and all: the transcript never changes once written (append a copy of a message
   * you mean to keep editing).
   */
  append(message: Message, options: AppendOptions = {}): void {
    const entries = this.#state.entries;
    const problem = sequenceProblem(entries.at(-1)?.message, message);
    if (problem) throw new ConversationError(`cannot append message ${entries.length}: ${problem}`, entries.length);
    // Ids must be unique across the conversation, or a result could no longer be told from another by key.
    const reused = toolUseIds(message).find((id) => this.#state.hasToolUse(id));
    if (reused !== undefined) {
      throw new ConversationError(
        `cannot append message ${entries.length}: tool_use id ${reused} was already used earlier in the ` +
          'conversation; give every call its own id',
        entries.length,
      );
    }
    if (options.importance !== undefined && !(options.importance >= 0 && options.importance <= 1)) {
      throw new ConversationError(`importance must be between 0 and 1, got ${options.importance}`, entries.length);
    }
    const { importance } = options;
    this.#countSent();
    // No `importance: undefined`: an entry that is plain JSON is stored as it is, never copied.
    this.#state.append({ message, pinned: options.pinned ?? false, ...(importance !== undefined && { importance }) });
  }

  /** The messages to send next: always a valid Messages API sequence. */
  view(): Message[] {
    this.#sentUncounted = true;
    return this.#state.view();
  }

  /**
   * Counts the messages appended since the last count, and the view last sent. Whatever reads a count counts
   * first, so this is never needed; call it when there is time to spare (the runtime does while a request
   * is on its way) to take the counting off the next read. `needsCompaction` counts only near the trigger.
   */
  settle(): void {
    this.#countSent();
    this.#state.settle();
  }

  /** Estimated tokens of system, tools and view, anchored to the last recorded usage. */
  tokens(): number {
    const raw = this.#rawTotal();
    if (this.#anchor && raw >= this.#anchor.raw) return this.#anchored(this.#anchor, raw);
    return Math.ceil(raw * this.counter.factor);
  }

  /** Estimated tokens of each part of what is sent. */
  breakdown(): TokenBreakdown {
    const f = this.counter.factor;
    const parts = this.#state.headParts();
    const last = this.#state.entries.at(-1);
    const latestInput = last?.message.role === 'user' ? this.counter.rawMessage(last.message) : 0;
    const system = this.#systemRaw;
    const tools = this.#toolsRaw;
    const history = this.#state.viewRaw - parts.summary - parts.memory - latestInput;
    return {
      system: Math.ceil(system * f),
      tools: Math.ceil(tools * f),
      summary: Math.ceil(parts.summary * f),
      memory: Math.ceil(parts.memory * f),
      history: Math.ceil(Math.max(0, history) * f),
      latestInput: Math.ceil(latestInput * f),
      total: this.tokens(),
    };
  }

  /**
   * Anchors the estimate on what the API counted for the last request (input + cache read + cache
   * write, each once) and learns the estimate's error.
   */
  recordUsage(usage: Pick<Anthropic.Usage, 'input_tokens'> & Partial<Anthropic.Usage>): void {
    const actual = usage.input_tokens + (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
    this.#countSent();
    if (this.#sentRaw === 0) return;
    this.counter.calibrate(this.#sentRaw * this.counter.factor, actual);
    this.#anchor = { actual, raw: this.#sentRaw };
  }

  /** True while the last message is an assistant message whose tool calls have no results yet. */
  get inFlight(): boolean {
    return toolUseIds(this.#state.entries.at(-1)?.message).length > 0;
  }

  /**
   * Compacts when the view is over the threshold (or would not leave `reserve` tokens of the context
   * window for the reply), cutting down to the target in one go; below it, takes the policy's `early`
   * steps if it has any. Returns what was done, or `null`. Throws `ContextBudgetError` when what must
   * stay is itself over the threshold.
   */
  async prepare(): Promise<CompactionResult | null> {
    if (this.inFlight || this.#state.entries.length === 0) return null;
    this.#countSent();
    const result = await compact(this.#compact);
    if (result) this.#anchor = null;
    return result;
  }

  /** Whether `prepare()` would compact now: the view is over the trigger, or the policy has an early step. */
  needsCompaction(): boolean {
    if (this.inFlight || this.#state.entries.length === 0) return false;
    return compactionDue(this.#compact);
  }

  /** The full text of whatever was removed under `key`, or `undefined` for an unknown key. */
  recall(key: string): string | undefined {
    const offloaded = this.#offloaded.get(key);
    if (offloaded !== undefined) return offloaded;
    const turn = /^turn:(\d+)$/.exec(key);
    if (turn) {
      const exchange = this.#state.exchange(Number(turn[1]));
      return exchange ? renderMessages(exchange) : undefined;
    }
    if (key.startsWith('result:')) return this.#state.toolResultText(key.slice('result:'.length));
    return undefined;
  }

  /** Keeps content removed elsewhere (an oversized tool result, say) under `key`, for `recall`. */
  offload(key: string, content: string): void {
    this.#offloaded.set(key, content);
  }

  toJSON(): ConversationSnapshot {
    this.#countSent();
    return {
      version: SNAPSHOT_VERSION,
      ...this.#state.toJSON(),
      events: [...this.#events],
      offloaded: Object.fromEntries(this.#offloaded),
      calibration: { ratio: this.counter.ratio, anchor: this.#anchor, sentRaw: this.#sentRaw },
    };
  }

  /** Restores a manager from `toJSON()` output; `deps` supplies what cannot be serialized. */
  static fromJSON(snapshot: ConversationSnapshot, deps: ConversationManagerOptions = {}): ConversationManager {
    if (snapshot.version !== SNAPSHOT_VERSION) {
      throw new ConversationError(
        `snapshot version ${String(snapshot.version)} is not supported (expected ${SNAPSHOT_VERSION}); ` +
          'load it with the Cairn version that wrote it',
        0,
      );
    }
    const manager = new ConversationManager(deps);
    manager.#state.restore(snapshot);
    manager.#events.push(...snapshot.events.map(deepFreeze));
    for (const [key, value] of Object.entries(snapshot.offloaded)) manager.#offloaded.set(key, value);
    if (snapshot.calibration) {
      manager.counter.ratio = snapshot.calibration.ratio;
      manager.#anchor = snapshot.calibration.anchor;
      manager.#sentRaw = snapshot.calibration.sentRaw;
    }
    return manager;
  }

  #rawTotal(): number {
    return this.#systemRaw + this.#toolsRaw + this.#state.viewRaw;
  }

  /** The view last sent, counted before it changes (by an append or a compaction) or is read. */
  #countSent(): void {
    if (!this.#sentUncounted) return;
    this.#sentRaw = this.#rawTotal();
    this.#sentUncounted = false;
  }

  #anchored(anchor: TokenAnchor, raw: number): number {
    return Math.ceil(anchor.actual + (raw - anchor.raw) * this.counter.factor);
  }

  /**
   * At least `tokens()`, without counting the messages appended since the last count. Both of `tokens()`'s
   * estimates grow with the raw count, so the larger of the two at a bound on it is at least either at the
   * count itself, whichever applies.
   */
  #tokensAtMost(): number {
    const raw = this.#systemRaw + this.#toolsRaw + this.#state.viewRawAtMost();
    const scaled = Math.ceil(raw * this.counter.factor);
    return this.#anchor ? Math.max(scaled, this.#anchored(this.#anchor, raw)) : scaled;
  }
}
