import type { Probe } from './recorded-conversation.ts';

/** Probes whose answer is in the context, and in the context or behind a recall key. */
export interface ProbeSurvival {
  readonly probes: number;
  readonly inView: number;
  readonly recoverable: number;
}

/**
 * True when one of `answers` occurs in `text`, case-insensitively, starting a word (`corner dent` is found
 * in "corner dents") and, when it ends in a digit, not running on into a longer number: BFCL accepts
 * answers as short as `3`, which would otherwise match inside any number.
 */
export function answerPresent(text: string, answers: readonly string[]): boolean {
  return answers.some((answer) => wordStart(answer).test(text));
}

/** Counts the probes answerable from `viewText`, and from it together with `recallableText`. */
export function probeSurvival(probes: readonly Probe[], viewText: string, recallableText: string): ProbeSurvival {
  let inView = 0;
  let recoverable = 0;
  for (const probe of probes) {
    const seen = answerPresent(viewText, probe.answers);
    if (seen) inView++;
    if (seen || answerPresent(recallableText, probe.answers)) recoverable++;
  }
  return { probes: probes.length, inView, recoverable };
}

function wordStart(answer: string): RegExp {
  const escaped = answer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const end = /\p{N}$/u.test(answer) ? '(?!\\p{N})' : '';
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}${end}`, 'iu');
}
