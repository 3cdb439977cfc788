import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineTool } from './define-tool.ts';
import { toRunnableTool } from './to-runnable-tool.ts';

/**
 * A Messages API on loopback that answers the first request with a scripted `tool_use` and the next with
 * `end_turn`, recording every request body it receives.
 */
async function scriptedApi(toolInput: unknown) {
  const requests: Anthropic.Beta.MessageCreateParams[] = [];
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    requests.push(JSON.parse(body));
    const first = requests.length === 1;
    const content = first
      ? [{ type: 'tool_use', id: 'toolu_01', name: 'set_priority', input: toolInput }]
      : [{ type: 'text', text: 'Priority set.' }];
    response.writeHead(request.method === 'POST' && request.url?.startsWith('/v1/messages') ? 200 : 404, {
      'content-type': 'application/json',
    });
    response.end(
      JSON.stringify({
        id: `msg_0${requests.length}`,
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-5-5',
        content,
        stop_reason: first ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 100, output_tokens: 20 },
      }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, requests, baseURL: `http://127.0.0.1:${port}` };
}

describe('toRunnableTool', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  const priorities: string[] = [];
  const setPriority = defineTool({
    name: 'set_priority',
    description: 'Set how urgently a ticket must be handled.',
    input: z.object({ ticket_id: z.string(), priority: z.enum(['low', 'high']) }),
    run: ({ ticket_id, priority }) => {
      priorities.push(`${ticket_id}=${priority}`);
      return { ticket_id, priority, status: 'updated' };
    },
  });

  async function runWithSdk(toolInput: unknown) {
    const api = await scriptedApi(toolInput);
    server = api.server;
    const client = new Anthropic({ baseURL: api.baseURL, apiKey: 'test', maxRetries: 0 });
    const final = await client.beta.messages.toolRunner({
      model: 'claude-sonnet-5-5',
      max_tokens: 1_024,
      messages: [{ role: 'user', content: 'TICKET-1 is blocking a customer.' }],
      tools: [toRunnableTool(setPriority)],
    });
    return { final, requests: api.requests };
  }

  it("runs a Cairn tool under the SDK's own tool runner", async () => {
    const { final, requests } = await runWithSdk({ ticket_id: 'TICKET-1', priority: 'high' });
    expect(priorities).toEqual(['TICKET-1=high']);
    expect(final.content).toEqual([{ type: 'text', text: 'Priority set.' }]);
    expect(requests[0]?.tools).toEqual([setPriority.definition]);
    expect(requests[1]?.messages.at(-1)).toEqual({
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: 'toolu_01',
          content: '{"ticket_id":"TICKET-1","priority":"high","status":"updated"}',
        },
      ],
    });
  });

  it("answers invalid input under the SDK's runner with Cairn's message", async () => {
    const { requests } = await runWithSdk({ ticket_id: 'TICKET-1', priority: 'urgent' });
    const last = requests[1]?.messages.at(-1)?.content;
    expect(last).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 'toolu_01',
        is_error: true,
        content: expect.stringContaining('- priority: Invalid option: expected one of "low"|"high"'),
      },
    ]);
  });
});
