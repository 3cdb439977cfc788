import type Anthropic from '@anthropic-ai/sdk';
import { countO200k } from './o200k-count.ts';

/**
 * Claude's tokenizer is not public: every figure from this counter is an estimate (o200k_base, then a
 * per-model correction and a ratio learned from the API's own usage).
 */

/** Tokens charged for an image block when its size is unknown: a 1,092×1,092 image costs ≈1,600. */
export const IMAGE_TOKENS = 1_600;
/** Tokens charged for a PDF or other document block whose text we cannot see. */
export const DOCUMENT_TOKENS = 2_000;
/** Framing the API adds per message (role markers, separators). */
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** Framing per tool definition, beyond its name, description and schema. */
export const TOOL_OVERHEAD_TOKENS = 8;
/** Rough tokens per character for the fallback path on huge strings, where exact encoding is slow. */
const HUGE_TEXT_CHARS = 400_000;

/**
 * Per-model multipliers on the o200k count. Models from Claude 4.7 on use a tokenizer that yields about
 * 30% more tokens than Haiku 4.5 for the same text.
 */
export const MODEL_CORRECTION: Readonly<Record<string, number>> = {
  'claude-haiku-4-5': 1.0,
  'claude-sonnet-4-5': 1.0,
  'claude-sonnet-4-6': 1.0,
  'claude-opus-4-5': 1.0,
  'claude-opus-4-6': 1.0,
  'claude-opus-4-7': 1.3,
  'claude-opus-4-8': 1.3,
  'claude-sonnet-5-5': 1.3,
  'claude-opus-5-5': 1.3,
  'claude-haiku-5-5': 1.3,
};

export interface TokenCounterOptions {
  /** Model whose correction applies. @default undefined (factor 1) */
  model?: string;
  /**
   * Give this counter private caches bounded to this many texts. By default every counter in the process
   * shares one cache: raw counts depend only on the text, so a new agent or manager starts warm.
   * @default undefined (the shared cache, 50_000 texts)
   */
  cacheSize?: number;
}

type Block = Anthropic.ContentBlockParam;
type ToolDefinition = Anthropic.ToolUnion;
type System = string | readonly Anthropic.TextBlockParam[];
/** Tokens of a text: its count, or a bound on it. */
type Measure = (text: string) => number;

/**
 * At least the o200k count of `text`, without counting it: a token is at least one UTF-8 byte, and a UTF-16
 * code unit at most three bytes (an astral character, two units, is four).
 */
const atMost: Measure = (text) => 3 * text.length;

const SHARED_CACHE_SIZE = 50_000;
const sharedTextCache = new Map<string, number>();
const sharedBlockCache = new WeakMap<object, number>();

/**
 * Estimates tokens for text, content blocks, messages, system prompts and tool definitions.
 * Counts are cached per text and per block object, so re-counting a long transcript is cheap.
 */
export class TokenCounter {
  readonly #textCache: Map<string, number>;
  readonly #blockCache: WeakMap<object, number>;
  readonly #cacheSize: number;
  #correction: number;
  #ratio = 1;
  readonly #count: Measure = (text) => this.raw(text);

  constructor(options: TokenCounterOptions = {}) {
    const own = options.cacheSize !== undefined;
    this.#cacheSize = options.cacheSize ?? SHARED_CACHE_SIZE;
    this.#textCache = own ? new Map() : sharedTextCache;
    this.#blockCache = own ? new WeakMap() : sharedBlockCache;
    this.#correction = correctionFor(options.model);
  }

  /** The multiplier applied to raw o200k counts: model correction times the learned ratio. */
  get factor(): number {
    return this.#correction * this.#ratio;
  }

  /** The ratio learned from API usage (1 until calibrated); saved with a conversation and restored. */
  get ratio(): number {
    return this.#ratio;
  }

  set ratio(value: number) {
    this.#ratio = clamp(value, 0.5, 2);
  }

  /** Switches the per-model correction, e.g. when an agent changes model. */
  setModel(model: string): void {
    this.#correction = correctionFor(model);
  }

  /**
   * Learns from the API: `actual / estimate` for the same request, smoothed so one odd response does not
   * swing later estimates. Ignores pairs too small to say anything.
   */
  calibrate(estimate: number, actual: number): void {
    if (estimate < 200 || actual <= 0) return;
    const observed = (actual / estimate) * this.#ratio;
    this.#ratio = clamp(0.7 * this.#ratio + 0.3 * observed, 0.5, 2);
  }

  /** Raw o200k tokens of a string, before any correction. */
  raw(text: string): number {
    if (text.length === 0) return 0;
    const cached = this.#textCache.get(text);
    if (cached !== undefined) return cached;
    const count = text.length > HUGE_TEXT_CHARS ? Math.ceil(text.length / 4) : countO200k(text);
    if (this.#textCache.size >= this.#cacheSize) this.#textCache.clear();
    this.#textCache.set(text, count);
    return count;
  }

  /** Estimated tokens of a string. */
  text(text: string): number {
    return Math.ceil(this.raw(text) * this.factor);
  }

  /** Estimated tokens of one message, framing included. */
  message(message: Anthropic.MessageParam): number {
    return Math.ceil(this.rawMessage(message) * this.factor);
  }

  /** Estimated tokens of one content block (a tool result with its images, say), framing included. */
  block(block: Block): number {
    return Math.ceil(this.#rawBlock(block) * this.factor);
  }

  /** Estimated tokens of a list of messages. */
  messages(messages: readonly Anthropic.MessageParam[]): number {
    let total = 0;
    for (const m of messages) total += this.rawMessage(m);
    return Math.ceil(total * this.factor);
  }

  /** Estimated tokens of a system prompt, as a string or text blocks. */
  system(system: System | undefined): number {
    return Math.ceil(this.rawSystem(system) * this.factor);
  }

  /** Estimated tokens of tool definitions, schemas included. */
  tools(tools: readonly ToolDefinition[] | undefined): number {
    return Math.ceil(this.rawTools(tools) * this.factor);
  }

  /** Uncorrected tokens of a system prompt. */
  rawSystem(system: System | undefined): number {
    if (system === undefined) return 0;
    if (typeof system === 'string') return this.raw(system);
    let total = 0;
    for (const block of system) total += this.#rawBlock(block);
    return total;
  }

  /** Uncorrected tokens of tool definitions. */
  rawTools(tools: readonly ToolDefinition[] | undefined): number {
    let total = 0;
    for (const tool of tools ?? []) total += this.#rawTool(tool);
    return total;
  }

  /**
   * Uncorrected tokens of a message, framing included; cached per message object. Its blocks are counted,
   * not cached one by one: a message is counted as it is appended, and its texts stay cached by text.
   */
  rawMessage(message: Anthropic.MessageParam): number {
    const cached = this.#blockCache.get(message);
    if (cached !== undefined) return cached;
    const total = this.#measureMessage(message, this.#count);
    this.#blockCache.set(message, total);
    return total;
  }

  /**
   * At least `rawMessage(message)`, without counting its text: its count when the message was counted
   * before, otherwise each text taken at three tokens a UTF-16 unit (o200k yields no more).
   */
  rawMessageAtMost(message: Anthropic.MessageParam): number {
    return this.#blockCache.get(message) ?? this.#measureMessage(message, atMost);
  }

  #measureMessage(message: Anthropic.MessageParam, measure: Measure): number {
    let total = MESSAGE_OVERHEAD_TOKENS;
    if (typeof message.content === 'string') total += measure(message.content);
    else for (const block of message.content) total += this.#measureBlock(block, measure);
    return total;
  }

  #rawTool(tool: ToolDefinition): number {
    const cached = this.#blockCache.get(tool);
    if (cached !== undefined) return cached;
    const count = TOOL_OVERHEAD_TOKENS + this.raw(JSON.stringify(tool));
    this.#blockCache.set(tool, count);
    return count;
  }

  #rawBlock(block: Block | Anthropic.TextBlockParam): number {
    const cached = this.#blockCache.get(block);
    if (cached !== undefined) return cached;
    const count = this.#measureBlock(block, this.#count);
    this.#blockCache.set(block, count);
    return count;
  }

  /** A block nested in another (in a tool result or a document): cached when counted, bounded otherwise. */
  #innerBlock(block: Block, measure: Measure): number {
    return measure === this.#count
      ? this.#rawBlock(block)
      : (this.#blockCache.get(block) ?? this.#measureBlock(block, measure));
  }

  #measureBlock(block: Block, measure: Measure): number {
    switch (block.type) {
      case 'text':
        return measure(block.text);
      case 'image':
        return IMAGE_TOKENS;
      case 'document':
        return this.#measureDocument(block.source, measure);
      case 'thinking':
        return measure(block.thinking);
      case 'redacted_thinking':
        return Math.ceil(block.data.length / 4);
      case 'tool_use':
        return 6 + measure(block.name) + measure(JSON.stringify(block.input ?? {}));
      case 'tool_result': {
        const content = block.content;
        if (content === undefined) return 6;
        if (typeof content === 'string') return 6 + measure(content);
        let total = 6;
        for (const inner of content) total += this.#innerBlock(inner as Block, measure);
        return total;
      }
      default:
        return measure(JSON.stringify(block));
    }
  }

  /** Text we can see is counted; a PDF or file we cannot is charged the flat estimate. */
  #measureDocument(source: Anthropic.DocumentBlockParam['source'], measure: Measure): number {
    if (source.type === 'text') return measure(source.data);
    if (source.type !== 'content') return DOCUMENT_TOKENS;
    if (typeof source.content === 'string') return measure(source.content);
    let total = 0;
    for (const inner of source.content) total += this.#innerBlock(inner, measure);
    return total;
  }
}

function correctionFor(model: string | undefined): number {
  if (model === undefined) return 1;
  const exact = MODEL_CORRECTION[model];
  if (exact !== undefined) return exact;
  const prefix = Object.keys(MODEL_CORRECTION).find((name) => model.startsWith(name));
  return prefix ? MODEL_CORRECTION[prefix]! : 1;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
