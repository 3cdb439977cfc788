import type Anthropic from '@anthropic-ai/sdk';

/** Five tickets whose category and priority follow from `DEFAULT_DESK_RULES`, with the expected report. */
export const TICKETS = [
  {
    id: 'TKT-0001',
    customer_name: 'Dana Reyes',
    subject: 'Charged twice for my subscription',
    description: 'I was charged twice on 2024-03-02: two payments of $49.99 for invoice INV-2231. Please refund one.',
  },
  {
    id: 'TKT-0002',
    customer_name: 'Sam Okafor',
    subject: 'Package never arrived',
    description:
      'My package for order ORD-88123 never arrived. Tracking 1Z999AA10123456784 shows it stuck in transit since May 3.',
  },
  {
    id: 'TKT-0003',
    customer_name: 'Lee Park',
    subject: 'Locked out of my account',
    description: 'I am locked out of my account after the password reset email expired. My username is lpark.',
  },
  {
    id: 'TKT-0004',
    customer_name: 'Ana Silva',
    subject: 'Dashboard outage for all users',
    description: 'Our dashboard shows error 503 for all users since 09:00; the API sync is failing too.',
  },
  {
    id: 'TKT-0005',
    customer_name: 'Ravi Mehta',
    subject: 'Feature request: dark mode',
    description: 'A small suggestion: could the product add a dark mode? Just a question about plans.',
  },
] as const;

export const EXPECTED_REPORT = [
  'TKT-0001 | billing | high | billing-team | resolved',
  'TKT-0002 | shipping | high | logistics-team | resolved',
  'TKT-0003 | account | high | account-services | resolved',
  'TKT-0004 | technical | urgent | tech-support | resolved',
  'TKT-0005 | product | low | product-success | resolved',
];

const ARTICLES: Record<string, { id: string; title: string; content: string }[]> = {
  billing: [
    {
      id: 'KB-101',
      title: 'Refunding duplicate charges',
      content: 'Duplicate charges are refunded within 5 business days. Confirm the invoice number first.',
    },
    {
      id: 'KB-102',
      title: 'Updating payment methods',
      content: 'Customers can change their card under Billing settings.',
    },
  ],
  shipping: [
    {
      id: 'KB-201',
      title: 'Lost packages',
      content: 'If a package is stuck in transit for over 7 days, we reship it at no cost.',
    },
  ],
  account: [
    {
      id: 'KB-301',
      title: 'Unlocking accounts',
      content: 'Locked accounts are unlocked after identity verification by account services.',
    },
  ],
  technical: [
    {
      id: 'KB-401',
      title: 'Incident response',
      content: 'Outages affecting all users are escalated to the on-call engineer immediately.',
    },
  ],
  product: [
    {
      id: 'KB-501',
      title: 'Feature requests',
      content: 'Feature requests are logged on the public roadmap and reviewed monthly.',
    },
  ],
};

const schema = (properties: Record<string, unknown>): Anthropic.Tool.InputSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
});
const str = { type: 'string' };

/** The seven workflow tools. */
export const DESK_TOOLS: Anthropic.Tool[] = [
  { name: 'get_next_ticket', description: 'Fetch the next ticket from the queue.', input_schema: schema({}) },
  {
    name: 'classify_ticket',
    description: 'Set the category.',
    input_schema: schema({ ticket_id: str, category: str }),
  },
  {
    name: 'search_knowledge_base',
    description: 'Search articles.',
    input_schema: schema({ category: str, query: str }),
  },
  {
    name: 'set_priority',
    description: 'Set the priority.',
    input_schema: schema({ ticket_id: str, priority: str }),
  },
  {
    name: 'route_to_team',
    description: 'Route to a team.',
    input_schema: schema({ ticket_id: str, team: str }),
  },
  {
    name: 'draft_response',
    description: 'Draft a reply.',
    input_schema: schema({ ticket_id: str, response: str }),
  },
  { name: 'mark_complete', description: 'Close the ticket.', input_schema: schema({ ticket_id: str }) },
];

export const MEMORY_TOOL: Anthropic.MemoryTool20250818 = { type: 'memory_20250818', name: 'memory' };

export const DESK_SYSTEM =
  'You are a support agent. Work the ticket queue one ticket at a time, then write the final report.';
export const DESK_TASK = 'Please process every ticket in the queue.';

/** Runs the desk's tools against an in-memory queue and memory directory. */
export class DeskWorld {
  readonly files = new Map<string, string>();
  #next = 0;

  run(name: string, input: Record<string, unknown>): { content: string; isError: boolean } {
    if (name === 'get_next_ticket') {
      const ticket = TICKETS[this.#next++];
      return ticket
        ? ok(JSON.stringify({ ...ticket, status: 'open' }))
        : ok(JSON.stringify({ error: 'No more tickets in the queue.' }));
    }
    if (name === 'search_knowledge_base') return ok(JSON.stringify(ARTICLES[String(input.category)] ?? []));
    if (name === 'memory') return this.#memory(input);
    if (name === 'mark_complete') {
      const remaining = TICKETS.length - this.#next;
      return ok(JSON.stringify({ ticket_id: input.ticket_id, status: 'resolved', tickets_remaining: remaining }));
    }
    return ok(`${name} done for ${String(input.ticket_id)}.`);
  }

  #memory(input: Record<string, unknown>): { content: string; isError: boolean } {
    const path = String(input.path);
    switch (input.command) {
      case 'view': {
        if (path === '/memories') return ok(['/memories', ...this.files.keys()].join('\n'));
        const file = this.files.get(path);
        return file === undefined ? fail(`The path ${path} does not exist.`) : ok(file);
      }
      case 'create':
        this.files.set(path, String(input.file_text));
        return ok(`File created successfully at: ${path}`);
      case 'insert': {
        const file = this.files.get(path);
        if (file === undefined) return fail(`The path ${path} does not exist.`);
        const lines = file.split('\n');
        lines.splice(Number(input.insert_line), 0, String(input.insert_text));
        this.files.set(path, lines.join('\n'));
        return ok(`Inserted into ${path}.`);
      }
      default:
        return fail(`Unsupported command ${String(input.command)}.`);
    }
  }
}

/** Sends one request and returns the model's content: the SDK client over loopback, or `respond` directly. */
export type Send = (body: Anthropic.MessageCreateParamsNonStreaming) => Promise<{ content: Anthropic.ContentBlock[] }>;

/**
 * Runs the agent loop until the model ends its turn. `view` picks what is sent each turn (by default the
 * whole history), as a context policy would.
 */
export async function runDesk(
  send: Send,
  options: {
    model?: string;
    system?: string;
    memory?: boolean;
    world?: DeskWorld;
    view?: (history: readonly Anthropic.MessageParam[]) => Anthropic.MessageParam[];
    maxTurns?: number;
  } = {},
): Promise<{ report: string; turns: number; history: Anthropic.MessageParam[]; world: DeskWorld }> {
  const world = options.world ?? new DeskWorld();
  const tools: Anthropic.ToolUnion[] = options.memory ? [...DESK_TOOLS, MEMORY_TOOL] : DESK_TOOLS;
  const history: Anthropic.MessageParam[] = [{ role: 'user', content: DESK_TASK }];
  for (let turns = 1; turns <= (options.maxTurns ?? 200); turns++) {
    const { content } = await send({
      model: options.model ?? 'claude-sonnet-4-6',
      max_tokens: 4_096,
      system: options.system ?? DESK_SYSTEM,
      tools,
      messages: options.view ? options.view(history) : history,
    });
    history.push({ role: 'assistant', content: content as Anthropic.ContentBlockParam[] });
    const calls = content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
    if (calls.length === 0) {
      const report = content.map((b) => (b.type === 'text' ? b.text : '')).join('');
      return { report, turns, history, world };
    }
    history.push({
      role: 'user',
      content: calls.map((call) => {
        const result = world.run(call.name, call.input as Record<string, unknown>);
        return {
          type: 'tool_result',
          tool_use_id: call.id,
          content: result.content,
          is_error: result.isError,
        };
      }),
    });
  }
  throw new Error('runDesk: the model did not finish within maxTurns');
}

/** Keeps the first message and about the last `count` messages, cut at an assistant message. */
export function slidingWindow(count: number): (history: readonly Anthropic.MessageParam[]) => Anthropic.MessageParam[] {
  return (history) => {
    if (history.length <= count + 1) return [...history];
    const start = history.length - count;
    return [history[0]!, ...history.slice(history[start]!.role === 'assistant' ? start : start + 1)];
  };
}

function ok(content: string): { content: string; isError: boolean } {
  return { content, isError: false };
}

function fail(content: string): { content: string; isError: boolean } {
  return { content, isError: true };
}
