import type Anthropic from '@anthropic-ai/sdk';
import {
  type ConversationSnapshot,
  type MemoryStore,
  memoryHooks,
  type SessionStore,
  TokenCounter,
} from '@cairn/memory';
import { createAgent, type LedgerEntry, type ModelClient, type PriceTable } from '@cairn/runtime';
import { memoryTool, recallTool, type Tool } from '@cairn/tools';
import { type CairnPolicy, cairnContext } from './cairn-context.ts';
import { DESK_TASK, SUPPORT_SUMMARY_PROMPT, SUPPORT_SYSTEM_PROMPT_WITH_MEMORY } from './desk-prompt.ts';
import type { FixedPrompt } from './floor-tokens.ts';
import { type CompactionMark, contextTokensOf, type RunProgress, type RunTrace, type TurnTrace } from './run-trace.ts';

export interface CairnRunOptions {
  readonly client: ModelClient;
  readonly model: string;
  /** The seven desk tools; the memory tool is added here. */
  readonly tools: readonly Tool[];
  readonly memory: MemoryStore;
  /** Where the session is saved after every step; its transcript feeds the floor. */
  readonly sessions: SessionStore;
  readonly policy: CairnPolicy;
  readonly threshold: number;
  /** A model name, or `local` for the extractive summary. */
  readonly summarizerModel: string;
  readonly maxTokens: number;
  readonly maxTurns: number;
  readonly prices: PriceTable;
  readonly clock: () => Date;
  readonly onTurn?: (progress: RunProgress) => void;
}

const SESSION_ID = 'customer-service';

/**
 * What Cairn's agent sends on every turn, whatever its policy: the system prompt and the tools as the runtime
 * sends them (the desk's, the memory tool, then the runtime's own recall tool).
 */
export function cairnFixedPrompt(deskTools: readonly Tool[], memory: MemoryStore): FixedPrompt {
  return {
    system: SUPPORT_SYSTEM_PROMPT_WITH_MEMORY,
    tools: [...deskTools, memoryTool(memory), recallTool(() => undefined)].map((tool) => tool.definition),
  };
}

/**
 * The desk on Cairn's runtime: the agent keeps its ticket log in memory, and its context manager compacts
 * at the threshold with `policy`, summarizing (when it must) with the support summary prompt.
 */
export async function runCairn(options: CairnRunOptions): Promise<RunTrace> {
  const started = performance.now();
  const { context, summaryCalls } = cairnContext(options);
  const agent = createAgent({
    client: options.client,
    model: options.model,
    system: SUPPORT_SYSTEM_PROMPT_WITH_MEMORY,
    tools: [...options.tools, memoryTool(options.memory)],
    context: { ...context, summaryPrompt: SUPPORT_SUMMARY_PROMPT },
    memory: memoryHooks(options.memory, { counter: new TokenCounter({ model: options.model }) }),
    store: options.sessions,
    maxIterations: options.maxTurns,
    maxTokens: options.maxTokens,
    prices: options.prices,
    clock: options.clock,
  });
  const run = agent.run(DESK_TASK, { sessionId: SESSION_ID });
  const turns: TurnTrace[] = [];
  const compactions: CompactionMark[] = [];
  let outcome: RunTrace['outcome'] = { type: 'done' };
  let text = '';
  try {
    for await (const event of run) {
      if (event.type === 'compaction') compactions.push({ turn: event.turn, before: event.compaction.before });
      if (event.type !== 'usage') continue;
      turns.push({ turn: event.turn, contextTokens: contextTokensOf(event.entry), entry: event.entry });
      options.onTurn?.({
        run: 'cairn',
        turn: event.turn,
        contextTokens: turns.at(-1)!.contextTokens,
        compactions: compactions.length,
      });
    }
    const result = await run.result();
    text = result.text;
    if (result.status !== 'done') outcome = { type: 'stopped', reason: result.stopReason };
  } catch (error) {
    outcome = { type: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  const session = await options.sessions.load(SESSION_ID);
  const conversation = session?.conversation as ConversationSnapshot | undefined;
  const ledger = (session?.usage ?? []) as LedgerEntry[];
  return {
    name: 'cairn',
    turns,
    summarizer: summaryCalls ?? ledger.filter((entry) => entry.role === 'summarizer'),
    compactions,
    text,
    outcome,
    transcript: (conversation?.entries ?? []).map((entry) => entry.message as Anthropic.MessageParam),
    seconds: (performance.now() - started) / 1000,
  };
}
