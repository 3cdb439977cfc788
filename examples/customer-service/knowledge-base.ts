/**
 * The desk's knowledge base: four help articles for each of the five categories, each as long as a short
 * help-centre article (100–200 words, about 150–250 tokens). A search returns every article of the
 * category, as the cookbook's did, so most of what the agent reads is tool output.
 */
import type { TicketCategory } from './tools.ts';

export interface Article {
  readonly id: string;
  readonly title: string;
  readonly updated: string;
  readonly tags: readonly string[];
  readonly content: string;
}

export const KNOWLEDGE_BASE: Readonly<Record<TicketCategory, readonly Article[]>> = {
  billing: [
    {
      id: 'KB-101',
      title: 'Duplicate and unexpected charges',
      updated: '2026-01-12',
      tags: ['duplicate charge', 'refund', 'fraud'],
      content:
        'A duplicate charge usually happens when a checkout page is submitted twice or a payment is retried after a ' +
        'timeout at the bank. Before anything else, look up both transactions in the billing console by invoice ' +
        'number and compare their amounts and timestamps. If two captured payments match one invoice, refund the ' +
        'later one in full from the console; the customer keeps the earlier one as the record of payment. Refunds to ' +
        'cards reach the customer in 5 to 10 business days, depending on the bank, and the refunded payment is shown ' +
        'as a credit line on the invoice. If a charge does not match any invoice or order, treat it as possible ' +
        'fraud: freeze further billing on the profile, ask the customer to confirm the last four digits of the card, ' +
        'and hand the case to the billing team with the transaction ids. Never ask for a full card number. Tell the ' +
        'customer which charge was refunded, the amount, and the date they should see it. For business customers, ' +
        'offer a corrected invoice once the refund is posted, since their bookkeeping often needs one document per ' +
        'payment.',
    },
    {
      id: 'KB-102',
      title: 'Refunds for returns and cancelled orders',
      updated: '2025-11-30',
      tags: ['refund', 'return', 'cancellation'],
      content:
        'Refunds for returned items are issued once the warehouse scans the return, which takes up to 3 business days ' +
        'after the parcel arrives. The refund goes to the original payment method; store credit is offered only when ' +
        'the customer asks for it. Check the return status in the order view: if the warehouse scan is missing after ' +
        'the courier shows delivery, open a trace with the warehouse and issue the refund anyway when the tracking ' +
        'proves delivery. Shipping fees are refunded only when the item was faulty, damaged or not as described. For ' +
        'cancelled orders that never shipped, the authorization is released by the bank within 72 hours and no refund ' +
        'is needed. Partial refunds need a note that explains the amount withheld. Always quote the refund amount, the ' +
        'invoice it applies to, and the expected arrival window, and tell the customer that card refunds can take up ' +
        'to 10 business days to appear on a statement.',
    },
    {
      id: 'KB-103',
      title: 'Invoices: details, addresses and VAT numbers',
      updated: '2026-02-03',
      tags: ['invoice', 'VAT', 'billing address'],
      content:
        'Every invoice is generated from the billing profile at the moment of payment, so changes to the billing ' +
        'address or company details apply to the next invoice, not to earlier ones. To correct a past invoice, open ' +
        'it in the billing console and choose Reissue: the reissued invoice keeps the same number with a suffix and ' +
        'replaces the original in the customer portal. Company name and VAT number can be added under Billing profile, ' +
        'Tax details; a VAT number is checked against the EU register before it is saved, and invoices then show the ' +
        'reverse-charge note where it applies. Subscription invoices are dated on the renewal day of the plan. If a ' +
        'customer says an address change did not take effect, check whether they edited their shipping address ' +
        'instead of the billing address, which is a common mix-up. Confirm back the exact details that will appear on ' +
        'the reissued invoice and when it will be available to download.',
    },
    {
      id: 'KB-104',
      title: 'Subscription plans, renewals and cancellations',
      updated: '2026-01-30',
      tags: ['plans', 'renewal', 'cancellation'],
      content:
        'Plans renew automatically on the same day each month or year, and the renewal invoice is emailed the day ' +
        'before. Customers can switch between Starter, Team, Business and Family plans at any time under Billing, ' +
        'Plan: an upgrade takes effect at once and is charged pro rata for the rest of the period, while a downgrade ' +
        'takes effect at the next renewal. A cancelled plan stays active until the end of the period already paid, ' +
        'and no partial refund is given for unused days, except within 14 days of a first annual purchase, when the ' +
        'full amount is refunded on request. If a renewal failed because a card expired, the plan stays active for a ' +
        'grace period of 7 days while the customer updates the card; after that it is paused, not deleted, and can be ' +
        'resumed with all data intact. When a customer disputes a renewal they did not expect, check whether a renewal ' +
        'reminder was sent and offer the refund window above if it applies. State the plan, the renewal date and the ' +
        'amount in your reply.',
    },
  ],
  shipping: [
    {
      id: 'KB-201',
      title: 'Lost and late packages',
      updated: '2026-01-20',
      tags: ['lost package', 'late delivery', 'reshipment'],
      content:
        'A package is treated as lost when tracking shows no movement for 7 days, or 10 days for international ' +
        'shipments. Check the tracking number with the courier first: some scans appear only on the courier site. If ' +
        'the package is still in transit within those limits, give the customer the latest scan and the courier ' +
        'estimate. Once the limit has passed, reship the order at no cost with express delivery and open a claim with ' +
        'the courier; the customer does not need to wait for the claim. If the customer needs the item by a date we ' +
        'can no longer meet, offer a full refund instead of a reshipment. Express shipping fees are refunded whenever ' +
        'the delivery promise was missed, without the customer having to ask. Record the new tracking number on the ' +
        'order and send it to the customer in your reply, with the expected delivery day.',
    },
    {
      id: 'KB-202',
      title: 'Damaged items and wrong items',
      updated: '2025-12-14',
      tags: ['damaged item', 'wrong item', 'replacement'],
      content:
        'When an item arrives damaged, ask for one or two photos of the item and the outer box; they support the ' +
        'courier claim but must not hold up the replacement. Ship a replacement at once with a prepaid return label ' +
        'for the damaged item, or refund it if the product is out of stock. The customer may keep items that are ' +
        'damaged beyond use and cheaper than the return shipping. For a wrong item, send the right item by express ' +
        'delivery and include a prepaid label; the courier can collect the wrong item from the same address within ' +
        'two weeks. Note the damage or mix-up on the order so the warehouse can check the packing line. Apologise ' +
        'once, clearly, and give the customer the new tracking number and the date the courier will come for the ' +
        'return, so they do not have to write again.',
    },
    {
      id: 'KB-203',
      title: 'Shipping options, countries and transit times',
      updated: '2026-02-10',
      tags: ['shipping options', 'transit times', 'duties'],
      content:
        'We ship to 38 countries. Standard delivery takes 3 to 5 business days within the same country and 6 to 12 ' +
        'days internationally; express delivery takes 1 to 2 business days domestically and 3 to 5 days abroad. All ' +
        'shipments include tracking, and the tracking link is emailed when the parcel leaves the warehouse. Gift ' +
        'orders can be sent with a gift note and without prices on the packing slip. For Japan, Canada and the United ' +
        'States, duties are prepaid at checkout, so the recipient pays nothing on delivery; elsewhere the courier may ' +
        'collect import charges. Orders placed before 14:00 on a business day leave the same day. When a customer asks ' +
        'whether an order will arrive by a given date, work back from the transit times above and recommend express ' +
        'delivery when standard would be too close.',
    },
    {
      id: 'KB-204',
      title: 'Returns and exchanges',
      updated: '2026-01-05',
      tags: ['returns', 'exchanges', 'prepaid label'],
      content:
        'Customers can return unused items within 60 days of delivery for a full refund, and worn items within 30 ' +
        'days if they have a defect. Start a return from the order page: choose the items and the reason, and a ' +
        'prepaid label is emailed within minutes. Exchanges for another size or colour are handled as a new order ' +
        'shipped at once, with the original item collected by the courier; the customer pays nothing extra unless ' +
        'the new item costs more. Items bought on sale can be exchanged but are refunded as store credit. Returns ' +
        'from outside the country use a local drop-off point listed on the label, and the refund is issued when the ' +
        'parcel is scanned at the drop-off, not when it reaches the warehouse. If the customer cannot print a label, ' +
        'send a QR code that the courier or drop-off point can scan instead. Tell the customer which items are ' +
        'covered, how the refund or exchange will reach them and by when.',
    },
  ],
  account: [
    {
      id: 'KB-301',
      title: 'Locked accounts and password resets',
      updated: '2026-01-08',
      tags: ['locked account', 'password reset', 'identity check'],
      content:
        'An account locks for 30 minutes after five failed sign in attempts; the customer can wait, or support can ' +
        'unlock it after verifying identity. Verify identity with two of: the email on the profile, the last order ' +
        'number, the postcode of the billing address. Password reset links expire after one hour and only the newest ' +
        'link works. If reset emails do not arrive, check that the address on the profile is right and that the ' +
        'message was not blocked, then send a new link from the admin view. After an unlock, suggest the customer ' +
        'turns on two-factor sign in. Never send a password by email or change it for the customer. Confirm in your ' +
        'reply that the account is unlocked, that a fresh reset link was sent, and how long it stays valid.',
    },
    {
      id: 'KB-302',
      title: 'Compromised accounts',
      updated: '2026-02-01',
      tags: ['account takeover', 'security', 'audit log'],
      content:
        'Treat any sign of account takeover as urgent: a password or email change the customer did not make, orders ' +
        'they did not place, or sign ins from unknown places. Lock the account at once from the admin view, which ends ' +
        'every session and stops open orders from shipping. Cancel orders the customer does not recognise and refund ' +
        'them to the original payment method. Restore the original email address from the audit log, then send a reset ' +
        'link to that address only. Ask the customer to change the password of their email account too, since takeovers ' +
        'usually start there, and to turn on two-factor sign in. Escalate to the security team with the audit log ' +
        'entries. Tell the customer what was locked, which orders were stopped, and what they need to do next.',
    },
    {
      id: 'KB-303',
      title: 'Profile changes: email, username and two-factor sign in',
      updated: '2025-12-20',
      tags: ['username', 'email change', 'two-factor'],
      content:
        'Customers can change their username once every 30 days under Profile, Account details; the old username is ' +
        'released after 90 days. Changing the email on a profile needs a confirmation from the old address; when the ' +
        'customer can no longer reach it, support can make the change after identity verification and note it in the ' +
        'audit log. Two-factor codes by text message can be delayed by mobile carriers; an authenticator app avoids ' +
        'this and can be set up under Profile, Security, where the customer scans a QR code and confirms one code. ' +
        'Codes stay valid for 5 minutes, so a late text often still works. When you change something for a customer, ' +
        'repeat the new value in your reply and tell them which confirmation email to expect.',
    },
    {
      id: 'KB-304',
      title: 'Signing in on new devices and browsers',
      updated: '2026-01-18',
      tags: ['new device', 'sign in', 'single sign on'],
      content:
        'A sign in from a new device or browser sends a confirmation email to the address on the profile; the session ' +
        'starts once the customer follows the link, which is valid for 15 minutes. Private browsing windows and ' +
        'browsers that block cookies forget the device and ask again each time. Customers who share a computer should ' +
        'sign out from the menu rather than closing the window. The mobile app keeps customers signed in for 90 days; ' +
        'after a password change every other session ends and must sign in again, which is expected and not a sign ' +
        'of a problem. If the confirmation email never arrives, check the spam folder and the address on the profile, ' +
        'then resend it from the sign in page. Single sign on through Google or Apple can be linked under Profile, ' +
        'Security, after which the password still works as a fallback. Explain which step the customer is at and what ' +
        'they will see next.',
    },
  ],
  technical: [
    {
      id: 'KB-401',
      title: 'Incidents, outages and error 503',
      updated: '2026-02-12',
      tags: ['incident', 'outage', 'error 503'],
      content:
        'Error 503 means a service is unavailable. When several customers report it, or one customer reports it for ' +
        'many users, treat it as a possible incident: check the internal status board, not only the public status ' +
        'page, and page the on-call engineer if no incident is open. Give the customer the incident number, what is ' +
        'affected, and when the next update will be posted; updates follow every 30 minutes until the incident is ' +
        'resolved. Suggest a workaround when one exists, such as the read-only mirror for dashboards. After the ' +
        'incident, a summary of the cause and the fix is sent to affected accounts within 5 business days. Do not ' +
        'promise a fix time that the incident team has not given.',
    },
    {
      id: 'KB-402',
      title: 'App crashes, exports and sync problems',
      updated: '2026-01-25',
      tags: ['crash', 'export', 'calendar sync'],
      content:
        'For crashes, ask which app version and device the customer uses and whether the crash happens every time. ' +
        'Export crashes in version 6.2 are a known bug fixed in 6.2.1; until it reaches the store, exporting from the ' +
        'web app works. For calendar sync, a pending status for more than 15 minutes usually means the sync token ' +
        'expired: sign out on all devices, then sign in on the phone first and on the web second, which rebuilds the ' +
        'token. Bookings made while sync was stuck are kept on the device and upload once sync resumes. If a crash or ' +
        'sync problem continues after these steps, collect the diagnostic log from Settings, Help, Send log and ' +
        'attach it to the ticket for the tech-support team.',
    },
    {
      id: 'KB-403',
      title: 'API timeouts, limits and data recovery',
      updated: '2026-02-05',
      tags: ['API', 'rate limit', 'backup restore'],
      content:
        'The API allows 600 requests a minute per store; beyond that, requests are queued and may time out after 30 ' +
        'seconds. Ask for a request id to look up the trace, and check whether the customer paginates large order ' +
        'lists, since unpaginated calls are the most common cause of slow responses. Suggest exponential backoff and ' +
        'the bulk endpoint for exports. Workspaces are backed up every 6 hours and kept for 30 days; after data loss, ' +
        'engineers can restore a workspace to any backup point, and restores usually finish within 4 hours. Pause ' +
        'automatic updates for the account while a restore is pending. Tell the customer which backup point will be ' +
        'used and what changes after that point would need to be redone.',
    },
    {
      id: 'KB-404',
      title: 'Installing and updating the app',
      updated: '2026-02-14',
      tags: ['install', 'update', 'versions'],
      content:
        'The app is available for iOS 16, Android 12 and later, Windows 10 and 11, and macOS 13 and later. Updates are ' +
        'released every two weeks and installed automatically unless the customer turned automatic updates off. To ' +
        'install an update by hand, open the store page or, on desktop, Help, Check for updates. If an install stops ' +
        'part way, remove the app, restart the device and install it again: settings and data are kept in the ' +
        'account, not on the device. Company devices sometimes block installs through a management profile; the ' +
        'customer then needs their IT team to allow the app. Workspace administrators can delay updates by up to 30 ' +
        'days for their whole team under Admin, Releases, which is the right advice when a team wants to test a new ' +
        'version first. Always give the version number the customer should end up on and how to check it under ' +
        'Settings, About.',
    },
  ],
  product: [
    {
      id: 'KB-501',
      title: 'Feature requests and product feedback',
      updated: '2026-01-15',
      tags: ['feature request', 'feedback', 'beta'],
      content:
        'We welcome feature requests. Log each one on the product board with the customer tag, so the product team ' +
        'can see how many customers ask for the same thing; dark mode, offline maps and shared packing lists are the ' +
        'most requested features this quarter. Thank the customer, say plainly that we cannot promise a date, and tell ' +
        'them they will be emailed when the feature ships if they opt in. Do not describe unreleased features or ' +
        'roadmap dates. When a request is already planned, you may say it is being worked on. Customers who send ' +
        'detailed feedback can be invited to the beta programme, which opens twice a year.',
    },
    {
      id: 'KB-502',
      title: 'Sizes, compatibility and specifications',
      updated: '2026-02-08',
      tags: ['sizes', 'compatibility', 'specifications'],
      content:
        'Size charts on the product page are the reference; printed manuals printed before 2026 used an older chart ' +
        'that ran one size small. Boots and jackets fit true to size for most customers; between two sizes, recommend ' +
        'the larger one for boots and the smaller one for jackets. Every product page has a full specification table ' +
        'with dimensions, weight and materials. Our packs and bags work with any phone or laptop that fits the ' +
        'listed sleeve size, and the app runs on iOS 16, Android 12 and later, and current desktop browsers. When a ' +
        'customer asks which product to choose, recommend one model and say why in one sentence.',
    },
    {
      id: 'KB-503',
      title: 'Warranty claims and product manuals',
      updated: '2025-12-28',
      tags: ['warranty', 'repair', 'manual'],
      content:
        'All products carry a two-year warranty against defects in materials and workmanship, such as failed zippers, ' +
        'seams or buckles; wear and accidental damage are not covered. To make a warranty claim, the customer sends ' +
        'the order number and a photo of the defect; proof of purchase is the order itself, so no receipt is needed. ' +
        'We repair items when the repair takes less than two weeks, and replace them otherwise. Every manual can be ' +
        'downloaded as a PDF from the product page under Support, including care and storage steps; printed manuals ' +
        'with missing pages can be replaced by post on request. Confirm in your reply whether the item will be repaired ' +
        'or replaced and how to send it in.',
    },
    {
      id: 'KB-504',
      title: 'Caring for and storing outdoor gear',
      updated: '2026-01-22',
      tags: ['care', 'washing', 'storage'],
      content:
        'Most of our packs, bags and jackets can be hand washed in lukewarm water with a mild soap; machine washing ' +
        'and dryers damage the waterproof coating and void the warranty. Let items dry away from direct heat, with ' +
        'zippers open and pockets turned out. Rain jackets regain their water repellency with a short tumble on low ' +
        'heat only when the care label allows it, or with a wash-in treatment every few months. Boots need their ' +
        'insoles taken out to dry and a leather balm twice a season. Sleeping bags should be stored loose in the large ' +
        'cotton sack they came with, never compressed in the stuff sack for long, or the insulation loses loft. Store ' +
        'everything clean, dry and out of sunlight over winter. When a customer asks about care, give the two or ' +
        'three steps that matter for their product and point them to the care section of its manual.',
    },
  ],
};

/** Every article of `category`, as `search_knowledge_base` answers. */
export function searchKnowledgeBase(category: TicketCategory, query: string) {
  const articles = KNOWLEDGE_BASE[category];
  return { category, query, total: articles.length, articles };
}
