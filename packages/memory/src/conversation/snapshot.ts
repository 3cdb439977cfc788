import type Anthropic from '@anthropic-ai/sdk';
import type { ConversationEvent } from './events.ts';

export const SNAPSHOT_VERSION = 1;

/** One transcript message and what was said of it on `append`. */
export interface SnapshotEntry {
  readonly message: Anthropic.MessageParam;
  readonly pinned: boolean;
  readonly importance?: number | undefined;
}

/** Everything a `ConversationManager` needs to resume: plain JSON. */
export interface ConversationSnapshot {
  readonly version: number;
  readonly entries: readonly SnapshotEntry[];
  /** Exchange ids removed from the view. */
  readonly dropped: readonly number[];
  /** Tool use ids whose results are cleared. */
  readonly cleared: readonly string[];
  readonly summary: string | null;
  readonly memory: string | null;
  readonly events: readonly ConversationEvent[];
  /** Content offloaded by key (oversized tool results, say). */
  readonly offloaded: Readonly<Record<string, string>>;
  /** What the token estimate learned from the API, so a resumed run counts as the original did. */
  readonly calibration?: { readonly ratio: number; readonly anchor: TokenAnchor | null; readonly sentRaw: number };
}

/** The API's count for the last request, and the local estimate of that same request. */
export interface TokenAnchor {
  readonly actual: number;
  readonly raw: number;
}
