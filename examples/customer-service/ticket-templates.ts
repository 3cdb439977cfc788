/**
 * The kinds of ticket the desk receives. Each template states the category and priority the desk's rules
 * give it (the ground truth; `ground-truth.test.ts` checks them against the rules), and a subject and
 * description with `{slots}` the generator fills: `{order}`, `{invoice}`, `{tracking}`, `{amount}` (with its
 * dollar sign), `{date}`, `{plan}`, `{product}`, `{device}`, `{city}`, `{count}`, `{code}` (a username) and
 * `{request}`.
 */
import type { TicketCategory, TicketPriority } from './tools.ts';

export interface TicketTemplate {
  readonly category: TicketCategory;
  readonly priority: TicketPriority;
  readonly subject: string;
  readonly description: string;
}

export const TICKET_TEMPLATES: readonly TicketTemplate[] = [
  {
    category: 'billing',
    priority: 'high',
    subject: 'Charged twice for my {plan} subscription',
    description:
      'Hello, I was charged twice on {date}: two payments of {amount} each for invoice {invoice}. My bank ' +
      'statement shows both went through within a minute of each other, so I think the checkout page was ' +
      'submitted twice. Could you refund the duplicate and confirm which of the two stays on the invoice? ' +
      'I need the statement to match before our books close at the end of the month.',
  },
  {
    category: 'billing',
    priority: 'medium',
    subject: 'Refund for returned order {order} not received',
    description:
      'I sent order {order} back on {date} and the return label says it was received at your warehouse. ' +
      'The refund of {amount} was supposed to reach my credit card within a week, but nothing has arrived ' +
      'and the invoice {invoice} still shows the full amount. Please tell me when the refund will be issued.',
  },
  {
    category: 'billing',
    priority: 'low',
    subject: 'Question about my {plan} plan invoice',
    description:
      'Hi, I am wondering whether the invoice for our {plan} plan can show our company VAT number. The ' +
      'current invoice {invoice} from {date} lists only my name. Our finance team in {city} asked for the ' +
      'company name and number on every invoice from now on, and a corrected copy of this one if possible.',
  },
  {
    category: 'billing',
    priority: 'urgent',
    subject: 'Unauthorized charge on my credit card',
    description:
      'There is a charge of {amount} on my credit card dated {date} for invoice {invoice} that I never made. ' +
      'I think this is fraud: I have not placed an order since the spring and my card has been in my wallet. ' +
      'Please block any further billing on my profile and tell me how the charge will be reversed.',
  },
  {
    category: 'billing',
    priority: 'medium',
    subject: 'Billing address wrong on invoice {invoice}',
    description:
      'The invoice {invoice} dated {date} shows my old billing address in {city}. I updated it in my ' +
      'settings last month, yet the new invoice still uses the previous one. Please correct the invoice and ' +
      'make sure the next billing cycle on {plan} uses the right address.',
  },
  {
    category: 'shipping',
    priority: 'high',
    subject: 'Package for order {order} never arrived',
    description:
      'My package for order {order} never arrived. The tracking number {tracking} has shown it in transit ' +
      'since {date}, with no update for a week, and the courier says to ask you. It holds the {product} I ' +
      'need for a trip next week. Please reship it or tell me where the package is.',
  },
  {
    category: 'shipping',
    priority: 'high',
    subject: 'Parcel arrived damaged',
    description:
      'The parcel for order {order} was delivered on {date} with the box crushed and the {product} inside ' +
      'damaged: the frame is bent and one strap is torn. Tracking {tracking} shows it was left at my door in ' +
      '{city}. I have photos of the package and the contents. How can I get a replacement shipped?',
  },
  {
    category: 'shipping',
    priority: 'medium',
    subject: 'Delivery for order {order} delayed',
    description:
      'Order {order} was promised for delivery by {date}, but the tracking page for {tracking} now says the ' +
      'shipment is delayed by five more days. I chose express shipping and paid {amount} for it. Can you ' +
      'tell me the new delivery date and whether the express shipping fee will be returned?',
  },
  {
    category: 'shipping',
    priority: 'medium',
    subject: 'Wrong item in my package',
    description:
      'I ordered a {product} (order {order}) but the package delivered on {date} held a wrong item: a ' +
      'different model in another colour. Tracking {tracking} confirms the delivery to {city}. Please send ' +
      'the right one and a prepaid label so the courier can pick up the other.',
  },
  {
    category: 'shipping',
    priority: 'low',
    subject: 'Question about shipping to {city}',
    description:
      'A quick question before I order: do you offer shipping to {city}, and which courier handles delivery ' +
      'there? I would like to send a {product} as a gift by {date}, and I would like to know the shipping ' +
      'options, the expected transit time and whether tracking is included.',
  },
  {
    category: 'account',
    priority: 'high',
    subject: 'Locked out of my account',
    description:
      'I am locked out of my account after three attempts to sign in from my {device}. The password reset ' +
      'email from {date} expired before I could use it, and a new one has not arrived. My username is ' +
      '{code}. I need to sign in today to download my order history for a claim.',
  },
  {
    category: 'account',
    priority: 'urgent',
    subject: 'My account was hacked',
    description:
      'Someone hacked my account: on {date} I got an email that my password and the email on my profile ' +
      'were changed, and I did not make either change. There is an order {order} I never placed. Please lock ' +
      'the account, stop that order and help me get back in. My username is {code}.',
  },
  {
    category: 'account',
    priority: 'medium',
    subject: 'Two-factor codes arrive late',
    description:
      'Since {date} the two-factor codes for my account arrive late, often after the sign in page has ' +
      'already timed them out. I use text messages on my {device}. My username is {code}. Can you check ' +
      'the 2fa settings on my account or let me switch to an authenticator app?',
  },
  {
    category: 'account',
    priority: 'low',
    subject: 'How do I change my username?',
    description:
      'How do I change my username? The current username {code} has my old surname, and I would like the ' +
      'account and profile to show my new one. I could not find the option in the profile settings on my ' +
      '{device}. Nothing urgent, I am just tidying up my account.',
  },
  {
    category: 'account',
    priority: 'medium',
    subject: 'Update the email on my profile',
    description:
      'Please update the email address on my profile: I am moving from my work address to a personal one ' +
      'on {date}. My username is {code}. When I try to save the change on my {device}, the page asks me to ' +
      'confirm the old address, which I will not be able to reach for long.',
  },
  {
    category: 'technical',
    priority: 'urgent',
    subject: 'Dashboard outage for all users',
    description:
      'Our team dashboard shows error 503 for all users since {date} at 09:00. The status page says ' +
      'everything is up, but the API calls from our reporting tool fail with the same error, and {count} ' +
      'people cannot work. Please tell us what is happening and when it will be fixed.',
  },
  {
    category: 'technical',
    priority: 'high',
    subject: 'App crashes when exporting reports',
    description:
      'The app began to crash every time I export a report as a spreadsheet on my {device}. It worked until ' +
      'the update on {date}. I get no error message: the window closes and the export file is empty. I have ' +
      'reinstalled the app and restarted. Export number {count} was the last one that worked.',
  },
  {
    category: 'technical',
    priority: 'medium',
    subject: 'Calendar sync not working',
    description:
      'Calendar sync has been not working since {date}: new bookings made on my {device} do not appear in ' +
      'the web calendar, and changes on the web do not reach the phone. I signed out and back in and the ' +
      'sync status still says pending. About {count} bookings are missing.',
  },
  {
    category: 'technical',
    priority: 'medium',
    subject: 'API requests hit a timeout',
    description:
      'Since {date} our API requests to the orders endpoint often hit a timeout after 30 seconds, and the ' +
      'rest are slow. We send about {count} requests an hour from our store in {city}. Our request id for ' +
      'one of them is {request}. Is there a known issue with the API, or a limit we are hitting?',
  },
  {
    category: 'technical',
    priority: 'urgent',
    subject: 'Data loss after the last update',
    description:
      'After the update on {date}, our saved projects are gone: this is data loss for {count} projects, ' +
      'with an error saying the workspace could not be read. We have not deleted anything, so it looks like a ' +
      'bug in the update. Please tell us whether the data can be restored and stop it reaching our other devices.',
  },
  {
    category: 'product',
    priority: 'low',
    subject: 'Feature request: dark mode',
    description:
      'A feature request: could the app get a dark mode? I use it in the evening on my {device} and the ' +
      'white pages are bright. Many apps offer the feature now, and I think the product would be nicer ' +
      'with it. Thanks for considering it, and for the {product} I bought on {date}.',
  },
  {
    category: 'product',
    priority: 'low',
    subject: 'Is the {product} compatible with my setup?',
    description:
      'I am wondering whether the {product} is compatible with a {device}. The product page lists the ' +
      'specification but not which devices it works with. I would like to buy two before {date}, so could ' +
      'you recommend the right one for my setup?',
  },
  {
    category: 'product',
    priority: 'medium',
    subject: 'Warranty claim for my {product}',
    description:
      'I bought a {product} on {date} (order {order}) and the zipper on the main pocket has come apart. The ' +
      'product is still under warranty, as far as I can tell from the manual. What do I need to send you to ' +
      'make a warranty claim, and will you replace the product or repair it?',
  },
  {
    category: 'product',
    priority: 'low',
    subject: 'Size advice for the {product}',
    description:
      'A question before ordering: which size of the {product} would you recommend for someone 180 cm ' +
      'tall? The size chart in the product manual and the one on the website differ. I plan to order by ' +
      '{date} so it arrives in time for a trip.',
  },
  {
    category: 'product',
    priority: 'medium',
    subject: 'Manual for the {product} is missing pages',
    description:
      'The printed manual that came with my {product} (order {order}, {date}) skips from page 6 to page 11, ' +
      'so the setup and care steps are missing. Is there a full copy of the manual I can download, and does ' +
      'the product specification say how to store it over winter?',
  },
];
