import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { ContextBudgetError, ConversationError } from '../errors.ts';
import { hybrid } from '../policies/hybrid.ts';
import type { Policy } from '../policies/policy.ts';
import { slidingWindow } from '../policies/sliding-window.ts';
import { summarization } from '../policies/summarization.ts';
import { extractiveSummarizer } from '../summarizers/extractive.ts';
import type { Summarizer, SummaryRequest } from '../summarizers/summarizer.ts';
import { appendAll, assistant, buildConversation, toolRound, user, words } from '../testing/build-conversation.ts';
import { TokenCounter } from '../tokens/token-counter.ts';
import type { CompactionConfig } from './compaction-config.ts';
import { type AppendOptions, ConversationManager } from './conversation-manager.ts';
import { viewProblems } from './sequence.ts';

type Message = Anthropic.MessageParam;

const NO_USAGE = { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 };
const call = (...ids: string[]): Message =>
  assistant(ids.map((id) => ({ type: 'tool_use' as const, id, name: 'lookup', input: {} })));
const result = (id: string): Anthropic.ToolResultBlockParam => ({
  type: 'tool_result',
  tool_use_id: id,
  content: 'ok',
});
// 1,144 tokens in six exchanges: over a 1,000-token threshold.
const chat = buildConversation(
  user(words(100)),
  ...[1, 2, 3, 4, 5].flatMap(() => [assistant(words(100)), user(words(100))]),
);

describe('ConversationManager.append', () => {
  const cases: {
    name: string;
    before: Message[];
    message: Message;
    options?: AppendOptions;
    error: RegExp;
  }[] = [
    {
      name: 'an assistant message first',
      before: [],
      message: assistant('hi'),
      error: /the first message must be a user message/,
    },
    {
      name: 'two user messages in a row',
      before: [user('a')],
      message: user('b'),
      error: /two user messages in a row; roles must alternate, so merge them into one message/,
    },
    {
      name: 'two assistant messages in a row',
      before: [user('a'), assistant('b')],
      message: assistant('c'),
      error: /two assistant messages in a row/,
    },
    {
      name: 'an empty message',
      before: [],
      message: user(''),
      error: /a user message has no content; send at least one text block/,
    },
    {
      name: 'a message with no blocks',
      before: [user('a')],
      message: assistant([]),
      error: /an assistant message has no content/,
    },
    {
      name: 'a system message',
      before: [],
      message: { role: 'system', content: 'Be brief.' } as unknown as Message,
      error: /a system message in the conversation; pass system instructions as the `system` option instead/,
    },
    {
      name: 'a tool_use in a user message',
      before: [],
      message: user([{ type: 'tool_use', id: 't1', name: 'lookup', input: {} }]),
      error: /a user message holds a tool_use block; tool calls belong in assistant messages/,
    },
    {
      name: 'a tool_result in an assistant message',
      before: [user('a')],
      message: assistant([result('t1')]),
      error: /an assistant message holds a tool_result block; results belong in the next user message/,
    },
    {
      name: 'a tool call left unanswered',
      before: [user('a'), call('t1')],
      message: user('what now?'),
      error: /tool_use t1 has no tool_result; answer every call of the previous assistant message/,
    },
    {
      name: 'one of two parallel calls unanswered',
      before: [user('a'), call('t1', 't2')],
      message: user([result('t1')]),
      error: /tool_use t2 has no tool_result/,
    },
    {
      name: 'a result that answers no call',
      before: [user('a'), assistant('b')],
      message: user([result('t9')]),
      error: /tool_result t9 answers no tool_use of the previous assistant message/,
    },
    {
      name: 'two results for one call',
      before: [user('a'), call('t1')],
      message: user([result('t1'), result('t1')]),
      error: /two tool_result blocks answer the same tool_use/,
    },
    {
      name: 'text before the results',
      before: [user('a'), call('t1')],
      message: user([{ type: 'text', text: 'here' }, result('t1')]),
      error: /tool_result blocks must come before any other block in the user message/,
    },
    {
      name: 'two calls sharing an id',
      before: [user('a')],
      message: call('t1', 't1'),
      error: /two tool_use blocks share an id; give every call its own id/,
    },
    {
      name: 'a call id used earlier in the conversation',
      before: [user('a'), call('t1'), user([result('t1')])],
      message: call('t1'),
      error: /tool_use id t1 was already used earlier in the conversation; give every call its own id/,
    },
    {
      name: 'an importance outside 0..1',
      before: [],
      message: user('a'),
      options: { importance: 2 },
      error: /importance must be between 0 and 1, got 2/,
    },
  ];

  it.each(cases)(
    'rejects $name with a ConversationError that says what to do',
    ({ before, message, options, error }) => {
      const manager = appendAll(new ConversationManager(), before);
      let thrown: unknown;
      try {
        manager.append(message, options);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ConversationError);
      expect(thrown).toMatchObject({
        name: 'ConversationError',
        index: before.length,
        message: expect.stringMatching(error),
      });
      expect(manager.transcript).toEqual(before);
    },
  );

  it('freezes what it appends, blocks and all: the transcript never changes once written', () => {
    const manager = new ConversationManager();
    const message = user([{ type: 'text', text: 'Refund TKT-1.' }]);
    manager.append(message);
    expect(manager.transcript[0]).toBe(message);
    expect(() => {
      (message.content as Anthropic.TextBlockParam[])[0]!.text = 'changed';
    }).toThrow(TypeError);
  });

  it('accepts parallel results followed by text, and keeps the transcript as given', () => {
    const messages = [user('a'), call('t1', 't2'), user([result('t2'), result('t1'), { type: 'text', text: 'and?' }])];
    const manager = appendAll(new ConversationManager(), messages);
    expect(manager.transcript).toEqual(messages);
    expect(manager.view()).toEqual(messages);
  });
});

describe('ConversationManager.recall', () => {
  const messages = buildConversation(
    user('Where is ORD-1?'),
    toolRound([{ name: 'lookup', input: { order: 'ORD-1' }, result: 'shipped' }]),
    assistant('It shipped.'),
    user('Thanks'),
  );
  const manager = appendAll(new ConversationManager(), messages);
  manager.offload('file:report', 'the full report');

  it.each([
    { key: 'turn:0', text: 'user: Where is ORD-1?' },
    {
      key: 'turn:1',
      text: 'assistant: [tool call toolu_1] lookup({"order":"ORD-1"})\n\nuser: [tool result toolu_1] shipped',
    },
    { key: 'turn:3', text: 'assistant: It shipped.\n\nuser: Thanks' },
    { key: 'result:toolu_1', text: 'shipped' },
    { key: 'file:report', text: 'the full report' },
    { key: 'turn:2', text: undefined },
    { key: 'turn:5', text: undefined },
    { key: 'turn:', text: undefined },
    { key: 'turn:-1', text: undefined },
    { key: 'result:toolu_9', text: undefined },
    { key: 'ORD-1', text: undefined },
  ])('recall($key) gives the content kept under it, or undefined', ({ key, text }) => {
    expect(manager.recall(key)).toBe(text);
  });
});

describe('ConversationManager snapshots', () => {
  async function compacted(): Promise<ConversationManager> {
    const counter = new TokenCounter();
    const manager = appendAll(
      new ConversationManager({
        system: 'You are a support agent.',
        policy: hybrid({ summarizer: extractiveSummarizer({ counter }), keepRecentTokens: 300 }),
        compaction: { threshold: 1_000, target: 700 },
        counter,
      }),
      chat,
    );
    manager.view();
    manager.recordUsage({ input_tokens: 1_400 });
    await manager.prepare();
    manager.offload('file:report', 'the full report');
    manager.view();
    manager.recordUsage({ input_tokens: 200, cache_read_input_tokens: 500 });
    manager.append(assistant(words(30)));
    return manager;
  }
  const deps = () => ({
    system: 'You are a support agent.',
    policy: hybrid({ summarizer: extractiveSummarizer(), keepRecentTokens: 300 }),
    compaction: { threshold: 1_000, target: 700 },
    counter: new TokenCounter(),
  });

  it('round-trips through JSON: view, tokens, events, recall and calibration', async () => {
    const manager = await compacted();
    const restored = ConversationManager.fromJSON(JSON.parse(JSON.stringify(manager.toJSON())), deps());

    expect(manager.events.map((e) => e.type)).toEqual(['compaction']);
    expect(restored.view()).toEqual(manager.view());
    expect(restored.transcript).toEqual(manager.transcript);
    expect(restored.summary).toBe(manager.summary);
    expect(restored.events).toEqual(manager.events);
    expect(restored.counter.ratio).toBe(manager.counter.ratio);
    expect(restored.counter.ratio).not.toBe(1);
    expect(restored.tokens()).toBe(manager.tokens());
    expect(restored.breakdown()).toEqual(manager.breakdown());
    for (const key of ['turn:0', 'turn:1', 'turn:5', 'result:none', 'file:report']) {
      expect(restored.recall(key)).toBe(manager.recall(key));
    }
    const next = user(words(40));
    manager.append(next);
    restored.append(next);
    expect(restored.tokens()).toBe(manager.tokens());
  });

  it.each([2, 0])('refuses a snapshot of version %i, saying which version it reads', async (version) => {
    const snapshot = { ...(await compacted()).toJSON(), version };
    expect(() => ConversationManager.fromJSON(snapshot, deps())).toThrow(
      new ConversationError(
        `snapshot version ${version} is not supported (expected 1); load it with the Cairn version that wrote it`,
        0,
      ),
    );
  });
});

describe('ConversationManager.recordUsage', () => {
  it.each([
    { name: 'input only', usage: { input_tokens: 1_500 } },
    {
      name: 'mostly cache reads',
      usage: { input_tokens: 100, cache_read_input_tokens: 1_200, cache_creation_input_tokens: 200 },
    },
    {
      name: 'a cache write',
      usage: { input_tokens: 300, cache_read_input_tokens: null, cache_creation_input_tokens: 1_200 },
    },
  ])('anchors tokens() on what the API counted, each cache figure once ($name)', ({ usage }) => {
    const manager = appendAll(new ConversationManager({ counter: new TokenCounter() }), [user(words(1_000))]);
    const estimate = manager.tokens();
    manager.view();
    manager.recordUsage(usage);
    expect(manager.tokens()).toBe(1_500);
    expect(manager.counter.ratio).toBeCloseTo(0.7 + (0.3 * 1_500) / estimate, 10);

    const appended = [assistant(words(50)), user(words(50))];
    appendAll(manager, appended);
    expect(manager.tokens()).toBe(1_500 + manager.counter.messages(appended));
  });

  it('anchors nothing when no request was sent yet', () => {
    const manager = appendAll(new ConversationManager({ counter: new TokenCounter() }), [user(words(1_000))]);
    const estimate = manager.tokens();
    manager.recordUsage({ input_tokens: 1_500 });
    expect(manager.tokens()).toBe(estimate);
    expect(manager.counter.ratio).toBe(1);
  });

  it('drops the anchor after a compaction, which changes what is sent', async () => {
    const manager = appendAll(
      new ConversationManager({ policy: slidingWindow(), compaction: { threshold: 1_000, target: 500 } }),
      chat,
    );
    manager.view();
    manager.recordUsage({ input_tokens: 1_200 });
    await manager.prepare();
    expect(manager.tokens()).toBe(manager.counter.messages(manager.view()));
  });
});

describe('ConversationManager.breakdown', () => {
  const tools: Anthropic.Tool[] = [
    {
      name: 'lookup',
      description: 'Looks up an order.',
      input_schema: { type: 'object', properties: { id: { type: 'string' } } },
    },
  ];
  const fixedIndex = 'Memory files: /memories/facts.md (1 KB): Customer prefers email.';

  it.each([
    { name: 'before any compaction', compact: false },
    { name: 'with a summary and a memory index', compact: true },
  ])('gives parts that add up to the total, $name', async ({ compact }) => {
    const counter = new TokenCounter();
    const manager = appendAll(
      new ConversationManager({
        system: words(50),
        tools,
        counter,
        policy: summarization({ summarizer: extractiveSummarizer({ counter }), keepRecentTokens: 300 }),
        compaction: { threshold: 1_200, target: 900 },
        memory: { index: () => fixedIndex },
      }),
      chat,
    );
    if (compact) expect(await manager.prepare()).not.toBeNull();
    const parts = manager.breakdown();
    const last = manager.transcript.at(-1)!;

    expect(parts.system).toBe(counter.system(words(50)));
    expect(parts.tools).toBe(counter.tools(tools));
    expect(parts.summary).toBe(compact ? counter.text(manager.summary!) : 0);
    expect(parts.memory).toBe(compact ? counter.text(fixedIndex) : 0);
    expect(parts.latestInput).toBe(counter.message(last));
    expect(parts.history).toBeGreaterThan(0);
    const sum = parts.system + parts.tools + parts.summary + parts.memory + parts.history + parts.latestInput;
    // Each part is rounded up on its own.
    expect(sum - parts.total).toBeGreaterThanOrEqual(0);
    expect(sum - parts.total).toBeLessThanOrEqual(6);
    expect(parts.total).toBe(manager.tokens());
  });
});

describe('ContextBudgetError', () => {
  const small = [user('hi'), assistant('hello'), user('help')];
  const cases: {
    name: string;
    system?: string;
    messages: Message[];
    append?: Record<number, AppendOptions>;
    part: string;
  }[] = [
    { name: 'the system prompt', system: words(1_500), messages: small, part: 'system' },
    {
      name: 'a pinned message',
      messages: [user(words(1_200)), assistant('ok'), user('next')],
      append: { 0: { pinned: true } },
      part: 'pinned',
    },
    {
      name: 'the latest request, in a long turn',
      messages: buildConversation(user(words(1_200)), toolRound([{ name: 'lookup', result: 'ok' }])),
      part: 'latest request',
    },
    {
      name: 'the exchange in flight',
      messages: [user('hi'), assistant('ok'), user(words(1_200))],
      part: 'in-flight exchange',
    },
  ];

  it.each(cases)(
    'names $name when what must stay is over the threshold',
    async ({ system, messages, append, part }) => {
      const manager = appendAll(
        new ConversationManager({
          ...(system ? { system } : {}),
          policy: slidingWindow(),
          compaction: { threshold: 1_000, target: 500 },
        }),
        messages,
        append,
      );
      const view = manager.view();
      const error = await manager.prepare().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ContextBudgetError);
      const budget = error as ContextBudgetError;
      const named = budget.parts.find((p) => p.part === part);
      expect(named?.tokens).toBeGreaterThan(1_000);
      expect(budget.threshold).toBe(1_000);
      expect(budget.needed).toBeGreaterThanOrEqual(named!.tokens);
      expect(budget.message).toMatch(
        new RegExp(
          `^pinned content needs [\\d,]+ tokens \\(estimated\\) but the threshold is 1,000 \\(${part} [\\d,]+.*\\); ` +
            'raise the threshold, shorten the largest part, or unpin messages$',
        ),
      );
      expect(manager.view()).toEqual(view);
    },
  );
});

describe('compaction settings', () => {
  it.each([
    {
      config: { threshold: 0 },
      error: 'compaction.threshold must be a positive whole number of tokens, got 0',
    },
    {
      config: { threshold: 1_000.5 },
      error: 'compaction.threshold must be a positive whole number of tokens, got 1000.5',
    },
    { config: { target: -1 }, error: 'compaction.target must be a positive whole number of tokens, got -1' },
    {
      config: { contextWindow: 0 },
      error: 'compaction.contextWindow must be a positive whole number of tokens, got 0',
    },
    {
      config: { threshold: 1_000, target: 1_000 },
      error: 'compaction.target (1000) must be below compaction.threshold (1000); try half the threshold',
    },
    {
      config: { threshold: 199_000 },
      error:
        'compaction.threshold (199000) plus reserve (4096) exceeds the context window (200000); ' +
        'lower the threshold or the reserve',
    },
    {
      config: { reserve: -1 },
      error: 'compaction.reserve must be a whole number of tokens, 0 or more, got -1',
    },
    { config: { minGain: 1 }, error: 'compaction.minGain must be in [0, 1), got 1' },
    { config: { minGain: -0.1 }, error: 'compaction.minGain must be in [0, 1), got -0.1' },
    { config: { maxFailures: 0 }, error: 'compaction.maxFailures must be a whole number, 1 or more, got 0' },
    {
      config: { breakerCooldown: 1.5 },
      error: 'compaction.breakerCooldown must be a whole number, 1 or more, got 1.5',
    },
  ] satisfies { config: CompactionConfig; error: string }[])(
    'rejects $config with a RangeError',
    ({ config, error }) => {
      expect(() => new ConversationManager({ compaction: config })).toThrow(new RangeError(error));
    },
  );

  it('fills in the documented defaults', () => {
    expect(new ConversationManager({ compaction: { threshold: 10_000 } }).config).toEqual({
      threshold: 10_000,
      target: 5_000,
      reserve: 4_096,
      contextWindow: 200_000,
      minGain: 0.05,
      maxFailures: 3,
      breakerCooldown: 5,
    });
  });
});

describe('ConversationManager.prepare', () => {
  // 1,007 tokens, 954 of them pinned: dropping the one removable exchange frees 48 tokens, under 5%.
  const nearlyAllPinned = [user(words(945)), assistant(words(20)), user(words(20)), assistant('ok'), user('next')];

  it.each([
    { minGain: undefined, committed: false },
    { minGain: 0.01, committed: true },
  ])('skips a compaction that frees less than minGain ($minGain) of the context', async ({ minGain, committed }) => {
    const manager = appendAll(
      new ConversationManager({
        policy: slidingWindow(),
        compaction: { threshold: 1_000, target: 500, ...(minGain === undefined ? {} : { minGain }) },
      }),
      nearlyAllPinned,
      { 0: { pinned: true } },
    );
    const result = await manager.prepare();
    if (committed) {
      expect(result).toMatchObject({ type: 'compaction', before: 1_007, after: 959 });
      return;
    }
    expect(result).toBeNull();
    expect(manager.view()).toEqual(nearlyAllPinned);
    expect(manager.events).toEqual([
      {
        type: 'compaction-skipped',
        at: 5,
        policy: 'sliding-window',
        reason: 'it would free only 48 of 1007 tokens',
        tokens: 1_007,
      },
    ]);
  });

  it('does nothing under the threshold', async () => {
    const manager = appendAll(new ConversationManager({ compaction: { threshold: 2_000 } }), chat);
    expect(await manager.prepare()).toBeNull();
    expect(manager.events).toEqual([]);
  });

  it('never compacts while a tool_use is unanswered, and does once it is answered', async () => {
    const manager = appendAll(
      new ConversationManager({ policy: slidingWindow(), compaction: { threshold: 1_000, target: 500 } }),
      [...chat, call('t1')],
    );
    expect(manager.inFlight).toBe(true);
    expect(await manager.prepare()).toBeNull();
    expect(manager.events).toEqual([]);
    expect(manager.view()).toEqual(manager.transcript);

    manager.append(user([result('t1')]));
    expect(manager.inFlight).toBe(false);
    expect(await manager.prepare()).toMatchObject({ type: 'compaction' });
    expect(viewProblems(manager.view())).toEqual([]);
  });

  const summarizer = extractiveSummarizer();
  it.each<{ name: string; policy: Policy }>([
    { name: 'sliding window', policy: slidingWindow() },
    { name: 'hybrid', policy: hybrid({ summarizer, keepRecentTokens: 500 }) },
  ])('compacts one request followed by 300 tool exchanges in a few chunks ($name)', async ({ policy }) => {
    const threshold = 3_000;
    const target = 1_500;
    const request = user('Work through the ticket queue: TKT-1 to TKT-300.');
    const rounds = buildConversation(
      request,
      ...Array.from({ length: 300 }, (_, i) =>
        toolRound([{ name: 'get_ticket', input: { id: `TKT-${i + 1}` }, result: `TKT-${i + 1}: ${words(60)}` }], {
          text: `Next: TKT-${i + 1}.`,
        }),
      ),
    );
    const manager = new ConversationManager({ policy, compaction: { threshold, target } });
    for (const message of rounds) {
      if (message.role === 'assistant') await manager.prepare();
      manager.append(message);
    }
    await manager.prepare();

    const compactions = manager.events.filter((e) => e.type === 'compaction');
    const appended = manager.counter.messages(rounds);
    expect(compactions.length).toBeGreaterThan(0);
    expect(compactions.length).toBeLessThanOrEqual(Math.ceil(appended / (threshold - target)));
    for (const c of compactions) expect(c.after).toBeLessThanOrEqual(target);
    expect(manager.events.filter((e) => e.type !== 'compaction')).toEqual([]);
    const view = manager.view();
    expect(viewProblems(view)).toEqual([]);
    expect(JSON.stringify(view[0])).toContain(request.content as string);
    expect(view.at(-1)).toBe(rounds.at(-1));
  });
});

describe('memory hooks', () => {
  it('flush gets the original messages before the summary; the index follows the summary at the head', async () => {
    const log: string[] = [];
    let flushed: readonly Message[] = [];
    const requests: SummaryRequest[] = [];
    const summarizer: Summarizer = {
      name: 'recording',
      async summarize(request) {
        log.push('summarize');
        requests.push(request);
        return { text: 'TKT-1001: refunded.', stopReason: 'end_turn', model: 'test', usage: NO_USAGE };
      },
    };
    const messages = buildConversation(
      user(`Ticket TKT-1001 ${words(60)}`),
      ...[1, 2, 3, 4].map((i) =>
        toolRound([{ name: 'lookup', input: { order: `ORD-${i}` }, result: `ORD-${i} shipped ${words(200)}` }]),
      ),
      assistant(`Ticket TKT-1001 resolved. ${words(100)}`),
      user(`Next: ticket TKT-1002. ${words(100)}`),
    );
    const manager = appendAll(
      new ConversationManager({
        policy: hybrid({ summarizer, keepRecentTokens: 300, keepToolResults: 1 }),
        compaction: { threshold: 800, target: 700 },
        memory: {
          async flush(originals) {
            log.push('flush');
            flushed = originals;
          },
          index() {
            log.push('index');
            return 'Memory files: /memories/facts.md';
          },
        },
      }),
      messages,
    );
    const result = await manager.prepare();

    expect(result?.steps.map((s) => s.type)).toEqual(['clear-tool-results', 'summarize']);
    expect(log).toEqual(['flush', 'summarize', 'index']);
    // Memory gets the results word for word; the summarizer reads them as the model last saw them.
    expect(flushed).toEqual(messages.slice(0, flushed.length));
    expect(JSON.stringify(flushed)).toContain(`ORD-1 shipped ${words(200)}`);
    expect(JSON.stringify(requests[0]?.messages)).toContain('Call recall with key \\"result:toolu_1\\"');
    const head = manager.view()[0]!.content as Anthropic.TextBlockParam[];
    expect(head[0]?.text).toMatch(/^<conversation-summary>\nTKT-1001: refunded\.\n<\/conversation-summary>/);
    expect(head[1]).toEqual({
      type: 'text',
      text: '<memory-index>\nMemory files: /memories/facts.md\n</memory-index>',
    });
    expect(manager.breakdown().memory).toBe(manager.counter.text('Memory files: /memories/facts.md'));
  });
});

describe('early steps, below the threshold', () => {
  // Drops every exchange whose text says DONE, whatever the view's size; null once none is left.
  const dropDone: Policy = {
    name: 'drop-done',
    next: () => null,
    early: (state) => {
      const done = state.exchanges.filter((e) => !e.protected && JSON.stringify(e.original).includes('DONE'));
      return done.length > 0 ? { type: 'drop', exchangeIds: done.map((e) => e.id), reason: 'prune' } : null;
    },
  };
  const work = buildConversation(
    user('Work the queue.'),
    assistant(`Ticket A: ${words(200)}`),
    user('DONE with A.'),
    assistant(`Ticket B: ${words(20)}`),
    user('next'),
  );

  it('are due, taken and recorded as early, and stop once the policy has none', async () => {
    const manager = appendAll(new ConversationManager({ policy: dropDone, compaction: { threshold: 5_000 } }), work);
    const before = manager.tokens();
    expect(manager.needsCompaction()).toBe(true);

    const result = await manager.prepare();
    expect(result).toMatchObject({ type: 'compaction', trigger: 'early', policy: 'drop-done', before });
    expect(result!.after).toBeLessThan(before - 150);
    expect(manager.view()).toEqual([work[0], work[3], work[4]]);
    expect(manager.recall('turn:1')).toContain('DONE with A.');
    expect(manager.needsCompaction()).toBe(false);
    expect(await manager.prepare()).toBeNull();
    expect(manager.events).toHaveLength(1);
  });

  it('are not due while a tool_use is unanswered', async () => {
    const manager = appendAll(new ConversationManager({ policy: dropDone }), [...work, call('t1')]);
    expect(manager.needsCompaction()).toBe(false);
    expect(await manager.prepare()).toBeNull();
  });

  it('are rolled back without an event when they free less than minGain', async () => {
    const small = [work[0]!, assistant('Ticket A.'), user('DONE.'), assistant(`Ticket B: ${words(400)}`), user('next')];
    const manager = appendAll(new ConversationManager({ policy: dropDone }), small);
    expect(await manager.prepare()).toBeNull();
    expect(manager.view()).toEqual(small);
    expect(manager.events).toEqual([]);
  });

  it('roll back a failed summary and count it towards the breaker', async () => {
    const failing: Summarizer = {
      name: 'empty',
      summarize: async () => ({ text: '', stopReason: 'end_turn', model: 'm', usage: NO_USAGE }),
    };
    const summarizeDone: Policy = {
      name: 'summarize-done',
      next: () => null,
      early: (state) => {
        const step = dropDone.early!(state);
        if (step?.type !== 'drop') return null;
        return { type: 'summarize', exchangeIds: step.exchangeIds, summarizer: failing, prompt: 'p', maxTokens: 100 };
      },
    };
    const manager = appendAll(new ConversationManager({ policy: summarizeDone }), work);
    expect(await manager.prepare()).toBeNull();
    expect(manager.view()).toEqual(work);
    expect(manager.events).toMatchObject([{ type: 'compaction-failed', policy: 'summarize-done' }]);
  });

  it('are taken from the first hybrid tier that has one', async () => {
    const policy = hybrid({ summarizer: extractiveSummarizer(), tiers: [slidingWindow(), dropDone] });
    const manager = appendAll(new ConversationManager({ policy }), work);
    expect(await manager.prepare()).toMatchObject({ trigger: 'early', policy: 'hybrid' });
    // Without such a tier hybrid has none, so nothing looks at the view below the threshold.
    expect(hybrid({ summarizer: extractiveSummarizer() }).early).toBeUndefined();
  });

  it('leave the threshold trigger as it was', () => {
    const at = (threshold: number) =>
      appendAll(
        new ConversationManager({ policy: slidingWindow(), compaction: { threshold } }),
        chat,
      ).needsCompaction();
    const tokens = appendAll(new ConversationManager(), chat).tokens();
    expect(at(tokens)).toBe(false);
    expect(at(tokens - 1)).toBe(true);
  });
});
