import {
  clearToolResults,
  hybrid,
  importancePruning,
  LOW_IMPORTANCE,
  type Policy,
  type Summarizer,
  slidingWindow,
  summarization,
} from '@cairn/memory';
import { closedTickets } from './closed-tickets.ts';

export interface DeskPolicyOptions {
  readonly summarizer: Summarizer;
  /** What summaries must keep. */
  readonly prompt: string;
}

/**
 * Cairn's hybrid ladder with one tier in front for the desk: closed tickets leave the view first (their
 * facts are in the memory log), then, as in `hybrid`, old tool results are cleared, exchanges that carry
 * nothing are pruned, older turns are summarized, and the oldest exchanges are dropped only as the last resort.
 */
export function deskPolicy(options: DeskPolicyOptions): Policy {
  return hybrid({
    ...options,
    tiers: [
      closedTickets(),
      clearToolResults(),
      importancePruning({ maxScore: LOW_IMPORTANCE }),
      summarization(options),
      slidingWindow(),
    ],
  });
}
