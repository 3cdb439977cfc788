import { createHash, type Hash } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import type { TokenCounter } from '@cairn/memory';
import type { SimRequest } from './validate-request.ts';
import { blocksOf } from './visible-text.ts';

/** One cacheable block of a prompt, in the API's prefix order: tools, then system, then messages. */
export interface PromptUnit {
  readonly tokens: number;
  /** Hash of the prompt up to and including this block: equal digests mean equal prefixes. */
  readonly digest: string;
  /** Set when the block carries a `cache_control` breakpoint. */
  readonly ttl: '5m' | '1h' | undefined;
}

type Breakable = { cache_control?: Anthropic.CacheControlEphemeral | null };

/**
 * Splits a request into its blocks with their token estimates (from `TokenCounter`) and running prefix
 * digests. The digests ignore `cache_control` itself, so moving a breakpoint does not change a prefix, and
 * string content counts as one text block, as the API reads it.
 */
export function promptUnits(request: SimRequest, counter: TokenCounter): PromptUnit[] {
  const hash = createHash('sha256').update(request.model);
  const units: PromptUnit[] = [];
  const push = (block: unknown, tokens: number, tag: string): void => {
    units.push({ tokens, digest: digestAfter(hash, tag, block), ttl: ttlOf(block) });
  };
  for (const tool of request.tools) push(tool, counter.tools([tool]), 'tool');
  const { system } = request;
  if (typeof system === 'string') push(system, counter.text(system), 'system');
  else for (const block of system ?? []) push(block, counter.system([block]), 'system');
  for (const message of request.messages) {
    const framing = counter.message({ role: message.role, content: [] } as Anthropic.MessageParam);
    blocksOf(message).forEach((block, j) => {
      const tokens = counter.message({ role: message.role, content: [block] } as Anthropic.MessageParam);
      push(block, j === 0 ? tokens : tokens - framing, j === 0 ? message.role : 'block');
    });
  }
  const last = units.at(-1);
  if (request.cacheControl && last) units[units.length - 1] = { ...last, ttl: request.cacheControl.ttl ?? '5m' };
  return units;
}

function digestAfter(hash: Hash, tag: string, block: unknown): string {
  hash.update(`\u0000${tag}\u0000${JSON.stringify(withoutCacheControl(block))}`);
  return hash.copy().digest('base64url');
}

function ttlOf(block: unknown): PromptUnit['ttl'] {
  if (typeof block !== 'object' || block === null) return undefined;
  const control = (block as Breakable).cache_control;
  return control ? (control.ttl ?? '5m') : undefined;
}

function withoutCacheControl(block: unknown): unknown {
  if (typeof block !== 'object' || block === null || !('cache_control' in block)) return block;
  const { cache_control: _, ...rest } = block as Breakable;
  return rest;
}
