import type { Probe, RecordedSession } from './recorded-conversation.ts';

/**
 * What the simulated model answers a statement that asks nothing (see the simulator's README): the reply
 * put between two recorded user turns, which BFCL does not record.
 */
export const ACKNOWLEDGEMENT = 'Thank you, I have noted that.';

interface BfclSession {
  readonly id: string;
  readonly question: readonly (readonly { role: string; content: string }[])[];
}

interface BfclProbe {
  readonly id: string;
  readonly question: string;
  readonly answers: readonly string[];
}

/**
 * Turns BFCL v4's memory sessions (user turns only, each a list of one message) into Messages API
 * conversations, answering every user turn with {@link ACKNOWLEDGEMENT}, and keeps each probe's question
 * and accepted answers.
 */
export function convertBfcl(
  sessionsJsonl: string,
  probesJsonl: string,
): { sessions: RecordedSession[]; probes: Probe[] } {
  const sessions = lines<BfclSession>(sessionsJsonl).map((session) => ({
    id: session.id,
    messages: session.question.flatMap((turn) =>
      turn.flatMap((message) => [
        { role: 'user' as const, content: message.content },
        { role: 'assistant' as const, content: ACKNOWLEDGEMENT },
      ]),
    ),
  }));
  const probes = lines<BfclProbe>(probesJsonl).map(({ id, question, answers }) => ({
    id,
    question,
    answers,
  }));
  return { sessions, probes };
}

/** One JSON value per line, as JSONL. */
export function toJsonl(values: readonly unknown[]): string {
  return `${values.map((value) => JSON.stringify(value)).join('\n')}\n`;
}

function lines<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
