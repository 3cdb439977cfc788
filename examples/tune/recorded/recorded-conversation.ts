import type Anthropic from '@anthropic-ai/sdk';
import { ConversationError, ConversationManager } from '@cairn/memory';
import * as z from 'zod';

/** One recorded conversation: Messages API messages, oldest first. */
export interface RecordedSession {
  readonly id: string;
  readonly messages: readonly Anthropic.MessageParam[];
}

/** A question about the conversations and the strings that count as its answer (any one, case-insensitive). */
export interface Probe {
  readonly id?: string;
  readonly question: string;
  readonly answers: readonly string[];
}

const sessionLine = z.object({
  id: z.string().min(1).optional(),
  messages: z
    .array(
      z.object({
        role: z.enum(['user', 'assistant']),
        content: z.union([z.string().min(1), z.array(z.looseObject({ type: z.string() })).min(1)]),
      }),
    )
    .min(1),
});

const probeLine = z.object({
  id: z.string().optional(),
  question: z.string().min(1),
  answers: z.array(z.string().min(1)).min(1),
});

/**
 * Reads JSONL sessions, one `{ id?, messages }` per line, and checks that replayed one after another they
 * form a sequence the Messages API accepts. Throws an error naming the file, the line and the fix.
 */
export function parseSessions(text: string, source: string): RecordedSession[] {
  const sessions = jsonLines(text, source).map(({ line, value }) => {
    const parsed = sessionLine.safeParse(value);
    if (!parsed.success) {
      throw new TypeError(
        `${source} line ${line}: expected { "id"?: string, "messages": [{ "role": "user" | "assistant", ` +
          `"content": string | blocks }, ...] } (${z.prettifyError(parsed.error).replaceAll('\n', ' ')})`,
      );
    }
    return {
      id: parsed.data.id ?? `line-${line}`,
      messages: parsed.data.messages as Anthropic.MessageParam[],
    };
  });
  if (sessions.length === 0) throw new TypeError(`${source} holds no sessions: write one JSON object per line`);
  checkSequence(sessions, source);
  return sessions;
}

/** Reads JSONL probes, one `{ question, answers: [string, ...] }` per line. */
export function parseProbes(text: string, source: string): Probe[] {
  return jsonLines(text, source).map(({ line, value }) => {
    const parsed = probeLine.safeParse(value);
    if (!parsed.success) {
      throw new TypeError(
        `${source} line ${line}: expected { "question": string, "answers": [string, ...] } ` +
          `(${z.prettifyError(parsed.error).replaceAll('\n', ' ')})`,
      );
    }
    const { id, question, answers } = parsed.data;
    return id === undefined ? { question, answers } : { id, question, answers };
  });
}

function jsonLines(text: string, source: string): { line: number; value: unknown }[] {
  const rows: { line: number; value: unknown }[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    try {
      rows.push({ line: index + 1, value: JSON.parse(raw) });
    } catch (error) {
      throw new TypeError(`${source} line ${index + 1} is not JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  return rows;
}

/** Sessions are replayed into one conversation, so each must start where the previous one left off. */
function checkSequence(sessions: readonly RecordedSession[], source: string): void {
  const manager = new ConversationManager();
  for (const session of sessions) {
    for (const [index, message] of session.messages.entries()) {
      try {
        manager.append(message);
      } catch (error) {
        if (!(error instanceof ConversationError)) throw error;
        throw new TypeError(
          `${source}, session "${session.id}" message ${index}: ${error.message}. Sessions are replayed one ` +
            'after another, so each must continue the previous one (roles alternating, starting with the user)',
          { cause: error },
        );
      }
    }
  }
}
