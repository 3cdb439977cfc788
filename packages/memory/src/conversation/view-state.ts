import type Anthropic from '@anthropic-ai/sdk';
import type { Exchange, ToolResultInfo } from '../policies/policy.ts';
import type { TokenCounter } from '../tokens/token-counter.ts';
import { deepFreeze } from './deep-freeze.ts';
import { toolResultText } from './render.ts';
import type { ConversationSnapshot, SnapshotEntry } from './snapshot.ts';
import { exchangeIdOf, headBlocks, headMessage, placeholderFor, turnKey, withClearedResults } from './view-parts.ts';

type Message = Anthropic.MessageParam;

interface ToolCall {
  readonly name: string;
  readonly input: unknown;
  /** Transcript index of the user message holding the result. */
  result?: number;
}

/** What a compaction may need to undo. */
interface SavedView {
  readonly dropped: ReadonlySet<number>;
  readonly cleared: ReadonlySet<string>;
  readonly summary: string | null;
  readonly memory: string | null;
}

/**
 * The transcript and the compaction decisions applied to it (dropped exchanges, cleared results, the
 * summary and memory index), with the view they derive kept up to date incrementally: appending costs
 * O(1), its tokens counted when a count is next read; only a compaction rebuilds.
 */
export class ViewState {
  readonly entries: SnapshotEntry[] = [];
  /** The messages of `entries`, kept alongside so that reading the transcript costs nothing. */
  readonly messages: Anthropic.MessageParam[] = [];
  summary: string | null = null;
  memory: string | null = null;
  readonly #counter: TokenCounter;
  #dropped = new Set<number>();
  #cleared = new Set<string>();
  readonly #calls = new Map<string, ToolCall>();
  readonly #pinned = new Set<number>();
  #latestRequest = -1;
  #view: Message[] = [];
  /** Uncorrected tokens of the view's messages but those in `#uncounted`. */
  #viewRaw = 0;
  /** Messages appended to the view and not counted yet: counting waits until a count is read, or `settle`. */
  #uncounted: Message[] = [];

  constructor(counter: TokenCounter) {
    this.#counter = counter;
  }

  /** Uncorrected tokens of the view. */
  get viewRaw(): number {
    this.settle();
    return this.#viewRaw;
  }

  /** At least `viewRaw`, without counting the messages appended since the last count. */
  viewRawAtMost(): number {
    let raw = this.#viewRaw;
    for (const message of this.#uncounted) raw += this.#counter.rawMessageAtMost(message);
    return raw;
  }

  /** Counts the messages appended since the last count. */
  settle(): void {
    if (this.#uncounted.length === 0) return;
    // Summed apart: a count that throws leaves the state as it was.
    let raw = 0;
    for (const message of this.#uncounted) raw += this.#counter.rawMessage(message);
    this.#viewRaw += raw;
    this.#uncounted = [];
  }

  /** Keeps `entry`, frozen through: the transcript never changes once written. */
  append(entry: SnapshotEntry): void {
    deepFreeze(entry);
    const index = this.entries.length;
    this.entries.push(entry);
    this.messages.push(entry.message);
    this.#index(entry, index);
    this.#view.push(entry.message);
    this.#uncounted.push(entry.message);
  }

  view(): Message[] {
    return [...this.#view];
  }

  /** The original messages of an exchange, or `undefined` when there is no such exchange. */
  exchange(id: number): Message[] | undefined {
    if (!Number.isInteger(id) || id < 0 || id >= this.entries.length || exchangeIdOf(id) !== id) return undefined;
    const ids = id === 0 ? [0] : [id, id + 1];
    return ids.flatMap((i) => (this.entries[i] ? [this.entries[i].message] : []));
  }

  /** True when a `tool_use` with this id is already in the transcript. */
  hasToolUse(toolUseId: string): boolean {
    return this.#calls.has(toolUseId);
  }

  /** The original text of a tool result, by the id of its call. */
  toolResultText(toolUseId: string): string | undefined {
    const block = this.#resultBlock(toolUseId);
    return block ? toolResultText(block) : undefined;
  }

  /** The exchanges in the view, oldest first, as policies see them. */
  exchanges(): Exchange[] {
    const last = exchangeIdOf(this.entries.length - 1);
    const latest = this.#latestRequest === -1 ? -1 : exchangeIdOf(this.#latestRequest);
    const out: Exchange[] = [];
    for (let id = 0; id < this.entries.length; id = id === 0 ? 1 : id + 2) {
      if (this.#dropped.has(id)) continue;
      const original = this.exchange(id)!;
      const pinned = this.#pinned.has(id);
      const importances = original.map((_, i) => this.entries[id + i]?.importance).filter((x) => x !== undefined);
      out.push({
        id,
        original,
        tokens: this.#exchangeTokens(id),
        protected: pinned || id === latest || id === last,
        pinned,
        importance: importances.length > 0 ? Math.max(...importances) : undefined,
        toolResults: this.#toolResults(id),
      });
    }
    return out;
  }

  /** The messages of the given exchanges as the view shows them, in transcript order. */
  currentMessages(exchangeIds: readonly number[]): Message[] {
    const ids = new Set(exchangeIds);
    const out: Message[] = [];
    for (let i = 0; i < this.entries.length; i++) if (ids.has(exchangeIdOf(i))) out.push(this.#current(i));
    return out;
  }

  /** Uncorrected tokens of the summary and memory blocks at the head of the view. */
  headParts(): { summary: number; memory: number } {
    return {
      summary: this.summary ? this.#counter.raw(this.summary) : 0,
      memory: this.memory ? this.#counter.raw(this.memory) : 0,
    };
  }

  dropped(): ReadonlySet<number> {
    return this.#dropped;
  }

  drop(exchangeIds: readonly number[]): void {
    for (const id of exchangeIds) this.#dropped.add(id);
    this.rebuild();
  }

  clear(toolUseIds: readonly string[]): void {
    for (const id of toolUseIds) this.#cleared.add(id);
    this.rebuild();
  }

  save(): SavedView {
    return {
      dropped: new Set(this.#dropped),
      cleared: new Set(this.#cleared),
      summary: this.summary,
      memory: this.memory,
    };
  }

  rollback(saved: SavedView): void {
    this.#dropped = new Set(saved.dropped);
    this.#cleared = new Set(saved.cleared);
    this.summary = saved.summary;
    this.memory = saved.memory;
    this.rebuild();
  }

  /** Derives the view afresh from the transcript and the decisions; O(transcript). */
  rebuild(): void {
    const messages: Message[] = [];
    const head = headBlocks(this.summary, this.memory, this.#keysNote());
    const opening = this.#dropped.has(0) ? undefined : this.#current(0);
    if (this.entries.length > 0) messages.push(headMessage(head, opening));
    for (let i = 1; i < this.entries.length; i++) {
      if (!this.#dropped.has(exchangeIdOf(i))) messages.push(this.#current(i));
    }
    this.#view = messages;
    this.#uncounted = [];
    this.#viewRaw = messages.reduce((sum, m) => sum + this.#counter.rawMessage(m), 0);
  }

  toJSON(): Pick<ConversationSnapshot, 'entries' | 'dropped' | 'cleared' | 'summary' | 'memory'> {
    return {
      entries: [...this.entries],
      dropped: [...this.#dropped],
      cleared: [...this.#cleared],
      summary: this.summary,
      memory: this.memory,
    };
  }

  restore(snapshot: ConversationSnapshot): void {
    for (const entry of snapshot.entries) {
      deepFreeze(entry);
      this.entries.push(entry);
      this.messages.push(entry.message);
      this.#index(entry, this.entries.length - 1);
    }
    this.#dropped = new Set(snapshot.dropped);
    this.#cleared = new Set(snapshot.cleared);
    this.summary = snapshot.summary;
    this.memory = snapshot.memory;
    this.rebuild();
  }

  #index(entry: SnapshotEntry, index: number): void {
    const { message } = entry;
    if (entry.pinned) this.#pinned.add(exchangeIdOf(index));
    if (typeof message.content === 'string') {
      if (message.role === 'user') this.#latestRequest = index;
      return;
    }
    for (const block of message.content) {
      if (block.type === 'tool_use') this.#calls.set(block.id, { name: block.name, input: block.input });
      else if (block.type === 'tool_result') {
        const call = this.#calls.get(block.tool_use_id);
        if (call) call.result = index;
      }
    }
    if (message.role === 'user' && message.content.some((b) => b.type !== 'tool_result')) this.#latestRequest = index;
  }

  /** A transcript message as the view shows it: cleared results replaced by placeholders. */
  #current(index: number): Message {
    const message = this.entries[index]!.message;
    if (message.role !== 'user' || this.#cleared.size === 0 || typeof message.content === 'string') return message;
    if (!message.content.some((b) => b.type === 'tool_result' && this.#cleared.has(b.tool_use_id))) return message;
    return withClearedResults(message, this.#cleared, (block) => {
      const call = this.#calls.get(block.tool_use_id);
      return placeholderFor(call?.name ?? 'tool', call?.input, this.#counter.block(block), block.tool_use_id);
    });
  }

  #exchangeTokens(id: number): number {
    const indices = id === 0 ? [0] : [id, id + 1];
    let raw = 0;
    for (const i of indices) if (this.entries[i]) raw += this.#counter.rawMessage(this.#current(i));
    return Math.ceil(raw * this.#counter.factor);
  }

  #toolResults(id: number): ToolResultInfo[] {
    const message = id === 0 ? undefined : this.entries[id + 1]?.message;
    if (!message || typeof message.content === 'string') return [];
    return message.content.flatMap((block) => {
      if (block.type !== 'tool_result') return [];
      const call = this.#calls.get(block.tool_use_id);
      return [
        {
          toolUseId: block.tool_use_id,
          name: call?.name ?? 'tool',
          input: call?.input,
          // The block, not its text: an image in a result costs far more than the "[image]" it renders as.
          tokens: this.#counter.block(block),
          isError: block.is_error === true,
          cleared: this.#cleared.has(block.tool_use_id),
        },
      ];
    });
  }

  #resultBlock(toolUseId: string): Anthropic.ToolResultBlockParam | undefined {
    const index = this.#calls.get(toolUseId)?.result;
    const message = index === undefined ? undefined : this.entries[index]?.message;
    if (!message || typeof message.content === 'string') return undefined;
    for (const block of message.content) {
      if (block.type === 'tool_result' && block.tool_use_id === toolUseId) return block;
    }
    return undefined;
  }

  #keysNote(): string {
    const ids = [...this.#dropped].sort((a, b) => a - b);
    if (ids.length === 0) return 'nothing was removed';
    const range = ids.length === 1 ? turnKey(ids[0]!) : `${turnKey(ids[0]!)} to ${turnKey(ids.at(-1)!)}`;
    return `call recall with a key (${range}) to read a removed turn word for word`;
  }
}
