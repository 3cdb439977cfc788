import { seededRandom } from '@cairn/simulator';
import { TICKET_TEMPLATES, type TicketTemplate } from './ticket-templates.ts';
import { TICKET_CATEGORIES, type TicketCategory } from './tools.ts';

/**
 * A ticket as `get_next_ticket` returns it, with the cookbook's fields. Category, priority and team are
 * null: the agent decides them.
 */
export interface Ticket {
  readonly id: string;
  readonly customer_name: string;
  readonly customer_email: string;
  readonly subject: string;
  readonly description: string;
  readonly channel: 'email' | 'chat' | 'web form';
  readonly created_at: string;
  readonly status: 'open';
  readonly category: null;
  readonly priority: null;
  readonly assigned_team: null;
  /** What the desk knows of the customer. */
  readonly notes: readonly string[];
}

/** A generated ticket and the template it came from, which holds its true category and priority. */
export interface GeneratedTicket {
  readonly ticket: Ticket;
  readonly template: TicketTemplate;
}

/** The seed of the queue every run works, unless told otherwise. */
export const DEFAULT_TICKET_SEED = 12;

const FIRST_NAMES = ['Dana', 'Sam', 'Lee', 'Ana', 'Ravi', 'Maya', 'Tom', 'Ines', 'Kofi', 'Yuki', 'Lena', 'Omar'];
const LAST_NAMES = ['Reyes', 'Okafor', 'Park', 'Silva', 'Mehta', 'Novak', 'Berg', 'Costa', 'Mensah', 'Sato'];
const PLANS = ['Starter', 'Team', 'Business', 'Family'];
const PRODUCTS = [
  'Trailhead 40L backpack',
  'Nimbus rain jacket',
  'Ridgeline duffel bag',
  'Summit hiking boots',
  'Harbor sleeping bag',
  'Cascade day pack',
];
const DEVICES = ['iPhone 15', 'Pixel 8', 'Galaxy S24', 'Windows laptop', 'MacBook Air', 'iPad'];
const CITIES = ['Lyon', 'Porto', 'Denver', 'Osaka', 'Leeds', 'Austin', 'Gdansk', 'Toronto'];
const CHANNELS: readonly Ticket['channel'][] = ['email', 'chat', 'web form'];
const CONTACT_NOTES = [
  'Prefers replies by email.',
  'Asked for a reply in the chat if possible.',
  'First contact with support.',
  'Has written to support twice before, about other orders.',
  'Replies usually within a day.',
];
const ALPHANUMERIC = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
/** Tickets are created from this day on, about one every few hours. */
const QUEUE_START = Date.UTC(2026, 2, 2, 8, 0, 0);
const HOUR_MS = 3_600_000;

/**
 * `count` tickets from `seed`: the same seed always gives the same queue. Every five consecutive tickets
 * cover the five categories once each, in a seeded order, so any five-ticket run sees them all.
 */
export function generateTickets(count: number, seed = DEFAULT_TICKET_SEED): GeneratedTicket[] {
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new RangeError(`ticket count must be a whole number of 0 or more, got ${count}`);
  }
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const byCategory = new Map(
    TICKET_CATEGORIES.map((c) => [c, TICKET_TEMPLATES.filter((t) => t.category === c)] as const),
  );
  const tickets: GeneratedTicket[] = [];
  let order: TicketCategory[] = [];
  let created = QUEUE_START;
  for (let n = 1; n <= count; n++) {
    if (order.length === 0) order = shuffle([...TICKET_CATEGORIES], random);
    const template = pick(byCategory.get(order.shift()!)!);
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    created += Math.floor((1 + random() * 5) * HOUR_MS);
    const slots: Record<string, string> = {
      order: `ORD-${digits(random, 5)}`,
      invoice: `INV-${digits(random, 6)}`,
      tracking: `1Z${code(random, 16)}`,
      amount: `$${(9 + random() * 240).toFixed(2)}`,
      date: new Date(created - Math.floor(random() * 14 + 1) * 24 * HOUR_MS).toISOString().slice(0, 10),
      plan: pick(PLANS),
      product: pick(PRODUCTS),
      device: pick(DEVICES),
      city: pick(CITIES),
      count: String(3 + Math.floor(random() * 38)),
      code: `${first[0]!.toLowerCase()}${last.toLowerCase()}${digits(random, 2)}`,
      request: `req_${code(random, 12).toLowerCase()}`,
    };
    const ticket: Ticket = {
      id: `TKT-${String(n).padStart(4, '0')}`,
      customer_name: `${first} ${last}`,
      customer_email: `${first}.${last}@example.com`.toLowerCase(),
      subject: fill(template.subject, slots),
      description: fill(template.description, slots),
      channel: pick(CHANNELS),
      created_at: new Date(created).toISOString(),
      status: 'open',
      category: null,
      priority: null,
      assigned_team: null,
      notes: [
        `Customer since ${2019 + Math.floor(random() * 7)}, ${1 + Math.floor(random() * 24)} previous orders.`,
        pick(CONTACT_NOTES),
      ],
    };
    tickets.push({ ticket, template });
  }
  return tickets;
}

function fill(text: string, slots: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`ticket template slot ${whole} has no value: add it to the generator`);
    return value;
  });
}

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

function digits(random: () => number, length: number): string {
  return Array.from({ length }, () => Math.floor(random() * 10)).join('');
}

function code(random: () => number, length: number): string {
  return Array.from({ length }, () => ALPHANUMERIC[Math.floor(random() * ALPHANUMERIC.length)]).join('');
}
