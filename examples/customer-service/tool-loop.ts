import type Anthropic from '@anthropic-ai/sdk';
import { type LedgerEntry, type PriceTable, priceCall, priceFor, withCacheBreakpoints } from '@cairn/runtime';
import { runToolCalls, type Tool } from '@cairn/tools';
import {
  COMPACTION_SUMMARY_PROMPT,
  type CompactionControl,
  compactedHistory,
  summaryParams,
  tokensUsed,
} from './compaction-control.ts';
import {
  type CompactionMark,
  contextTokensOf,
  type RunName,
  type RunProgress,
  type RunTrace,
  type TurnTrace,
} from './run-trace.ts';

/** The slice of the Anthropic client the loop uses. */
export type MessagesClient = Pick<Anthropic, 'messages'>;

export interface ToolLoopOptions {
  readonly name: RunName;
  readonly client: MessagesClient;
  readonly model: string;
  readonly system: string;
  readonly tools: readonly Tool[];
  readonly task: string;
  readonly maxTokens: number;
  readonly maxTurns: number;
  /** Without it the history only grows (the baseline). */
  readonly compaction?: CompactionControl;
  readonly prices: PriceTable;
  readonly clock: () => Date;
  readonly onTurn?: (progress: RunProgress) => void;
}

/**
 * The plain tool-runner loop the cookbook's notebook ran: call the model, run the tools it asks for, send
 * the results back, until it stops asking; with `compaction`, `compaction_control`'s summarizing on top.
 * Prompt caching marks the same breakpoints as Cairn's runtime, so the runs' cached costs compare.
 */
export async function runToolLoop(options: ToolLoopOptions): Promise<RunTrace> {
  const { client, model, maxTokens, compaction, clock } = options;
  const started = performance.now();
  const definitions = options.tools.map((tool) => tool.definition);
  const price = priceFor(model, options.prices);
  const summaryModel = compaction?.model ?? model;
  const summaryPrice = priceFor(summaryModel, options.prices);
  if (!price || !summaryPrice) {
    throw new Error(`no price is known for ${price ? summaryModel : model}: add it to the price table`);
  }
  const task: Anthropic.MessageParam = { role: 'user', content: options.task };
  let history: Anthropic.MessageParam[] = [task];
  const transcript: Anthropic.MessageParam[] = [task];
  const turns: TurnTrace[] = [];
  const summarizer: LedgerEntry[] = [];
  const compactions: CompactionMark[] = [];
  const trace = (text: string, outcome: RunTrace['outcome']): RunTrace => ({
    name: options.name,
    turns,
    summarizer,
    compactions,
    text,
    outcome,
    transcript,
    seconds: (performance.now() - started) / 1000,
  });

  for (let turn = 1; turn <= options.maxTurns; turn++) {
    let reply: Anthropic.Message;
    try {
      const prompt = withCacheBreakpoints({ system: options.system, tools: definitions, messages: history });
      reply = await client.messages.create({ model, max_tokens: maxTokens, ...prompt });
    } catch (error) {
      return trace('', { type: 'failed', error: `turn ${turn}: ${messageOf(error)}` });
    }
    const entry = priceCall('main', model, reply.usage, price, clock());
    turns.push({ turn, contextTokens: contextTokensOf(entry), entry });
    options.onTurn?.({
      run: options.name,
      turn,
      contextTokens: turns.at(-1)!.contextTokens,
      compactions: compactions.length,
    });
    const assistant: Anthropic.MessageParam = {
      role: 'assistant',
      content: reply.content as Anthropic.ContentBlockParam[],
    };
    if (compaction && tokensUsed(reply.usage) >= compaction.threshold) {
      try {
        const params = summaryParams(history, reply, {
          model: summaryModel,
          maxTokens,
          prompt: compaction.summaryPrompt ?? COMPACTION_SUMMARY_PROMPT,
        });
        const summary = await client.messages.create(params);
        summarizer.push(priceCall('summarizer', summaryModel, summary.usage, summaryPrice, clock()));
        history = compactedHistory(summary);
      } catch (error) {
        return trace('', { type: 'failed', error: `compaction after turn ${turn}: ${messageOf(error)}` });
      }
      compactions.push({ turn: turn + 1, before: tokensUsed(reply.usage) });
      continue;
    }
    history.push(assistant);
    transcript.push(assistant);
    const calls = reply.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
    if (calls.length === 0) return trace(textOf(reply), { type: 'done' });
    const results: Anthropic.MessageParam = { role: 'user', content: await runToolCalls(calls, options.tools) };
    history.push(results);
    transcript.push(results);
  }
  return trace('', { type: 'stopped', reason: `reached ${options.maxTurns} turns` });
}

function textOf(message: Anthropic.Message): string {
  return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
