/**
 * The form-field recogniser: what personal information one field asks for, from
 * what the page says about it. The content script reads each field's markup into a
 * FieldDescription (never its value); this decides.
 *
 * Signals, strongest first: the autocomplete tokens (the HTML standard's names for
 * exactly these items), the input type (email, tel), then the field's name and id,
 * its label, aria-label and placeholder. The first signal that names an item wins,
 * so `<input name="field_7" aria-label="Email">` is an email and
 * `<input autocomplete="organization" name="name">` is a company.
 */
import type { FormFieldKind } from '../model';

export interface FieldDescription {
  /** input type, or "select" / "textarea". */
  type: string;
  autocomplete?: string;
  name?: string;
  id?: string;
  /** The text of its <label>s, aria-label or aria-labelledby. */
  label?: string;
  placeholder?: string;
}

/** Field types that never carry the visitor's personal information. */
const IGNORED_TYPES = new Set([
  'hidden',
  'submit',
  'button',
  'reset',
  'image',
  'checkbox',
  'file',
  'password',
  'search',
  'range',
  'color',
]);

/** Autocomplete field names (HTML Living Standard, "autofill field name") → item. */
const AUTOCOMPLETE: Readonly<Record<string, FormFieldKind>> = {
  name: 'name',
  'honorific-prefix': 'name',
  'given-name': 'name',
  'additional-name': 'name',
  'family-name': 'name',
  'honorific-suffix': 'name',
  organization: 'company',
  'organization-title': 'occupation',
  email: 'email',
  tel: 'phone',
  'tel-country-code': 'phone',
  'tel-national': 'phone',
  'tel-area-code': 'phone',
  'tel-local': 'phone',
  'tel-local-prefix': 'phone',
  'tel-local-suffix': 'phone',
  'tel-extension': 'phone',
  'street-address': 'postal-address',
  'address-line1': 'postal-address',
  'address-line2': 'postal-address',
  'address-line3': 'postal-address',
  'address-level1': 'postal-address',
  'address-level2': 'postal-address',
  'address-level3': 'postal-address',
  'address-level4': 'postal-address',
  'postal-code': 'postal-address',
  bday: 'birth-date',
  'bday-day': 'birth-date',
  'bday-month': 'birth-date',
  'bday-year': 'birth-date',
  sex: 'gender',
  'cc-name': 'credit-card',
  'cc-given-name': 'credit-card',
  'cc-family-name': 'credit-card',
  'cc-number': 'credit-card',
  'cc-exp': 'credit-card',
  'cc-exp-month': 'credit-card',
  'cc-exp-year': 'credit-card',
  'cc-csc': 'credit-card',
  'cc-type': 'credit-card',
};

/**
 * Words in names, ids and labels (English and German, as SmartErgo's pages are),
 * tried in this order: specific items before the general ones they contain
 * ("card holder name" is card data, "company name" a company, "email address" an
 * email, not an address).
 */
const WORDS: readonly [FormFieldKind, RegExp][] = [
  ['credit-card', /\b(?:cc ?(?:num|number|name|exp|csc|cvc|cvv)|card ?(?:number|num|no|holder|exp\w*|name|security|code)|credit ?card|kreditkarte\w*|cvc|cvv|csc|expir\w*|exp (?:month|year|date)|kartennummer|ablaufdatum)\b/],
  ['national-id', /\b(?:ssn|social security|national ?id\w*|passport\w*|tax ?id|steuer ?id|steueridentifikationsnummer|personalausweis\w*|id ?card number)\b/],
  ['bank-account', /\b(?:iban|bic|swift|bank ?account|account ?number|routing ?number|sort ?code|kontonummer|bankverbindung)\b/],
  ['email', /\b(?:e ?mail|email ?address|e ?mail ?adresse)\b/],
  ['phone', /\b(?:phone|telephone|tel|mobile|cell ?phone|cell|telefon\w*|handy\w*|mobilnummer|fax)\b/],
  ['birth-date', /\b(?:birth ?date|date of birth|birthday|dob|bday|geburts\w*)\b/],
  ['gender', /\b(?:gender|sex|geschlecht)\b/],
  ['occupation', /\b(?:occupation|job ?title|job|profession|beruf\w*|position)\b/],
  ['company', /\b(?:company|organi[sz]ation|business ?name|employer|firm|firma|unternehmen|arbeitgeber)\b/],
  ['postal-address', /\b(?:address|addr|street|postal ?code|post ?code|postcode|zip ?code|zip|city|town|state|province|country|stra(?:ss|ß)e|hausnummer|plz|postleitzahl|ort|stadt|land|adresse|anschrift)\b/],
  ['name', /\b(?:name|first ?name|last ?name|full ?name|given ?name|family ?name|surname|forename|vorname|nachname|familienname)\b/],
];

/** Words that say a field is not about the visitor, though it holds a word above ("user name", "file name"). */
const NOT_PERSONAL = /\b(?:user ?name|login|username|nickname|screen ?name|file ?name|coupon|promo|discount|search|captcha|password|passwort|subject|betreff|message|nachricht|comment|quantity|qty)\b/;

/** "billingAddress_line1", "cc-number", "E-Mail*" → "billing address line 1", "cc number", "e mail". */
export function words(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9äöüß]+/g, ' ')
    .trim();
}

function fromAutocomplete(autocomplete: string | undefined): FormFieldKind | undefined {
  if (!autocomplete) return undefined;
  // "section-x shipping tel-national", "billing street-address", "work email webauthn"
  const tokens = autocomplete.toLowerCase().split(/\s+/);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const kind = AUTOCOMPLETE[tokens[i]!];
    if (kind) return kind;
  }
  return undefined;
}

function fromWords(text: string | undefined): FormFieldKind | undefined | null {
  if (!text) return undefined;
  const w = words(text);
  if (!w) return undefined;
  if (NOT_PERSONAL.test(w)) return null;
  for (const [kind, pattern] of WORDS) if (pattern.test(w)) return kind;
  return undefined;
}

/** What personal information a field asks for, or undefined when none (or when it says it is something else). */
export function recogniseField(field: FieldDescription): FormFieldKind | undefined {
  const type = field.type.toLowerCase();
  if (IGNORED_TYPES.has(type)) return undefined;
  const auto = fromAutocomplete(field.autocomplete);
  if (auto) return auto;
  if (type === 'email') return 'email';
  if (type === 'tel') return 'phone';
  for (const text of [field.name, field.id, field.label, field.placeholder]) {
    const kind = fromWords(text);
    if (kind === null) return undefined; // "username", "promo code": the field says what it is
    if (kind) return kind;
  }
  return undefined;
}

/** The items a form asks for, each once. */
export function recogniseForm(fields: readonly FieldDescription[]): FormFieldKind[] {
  const kinds = new Set<FormFieldKind>();
  for (const field of fields) {
    const kind = recogniseField(field);
    if (kind) kinds.add(kind);
  }
  return [...kinds];
}

/** Companies whose business is taking card payments: card data may go to them (over HTTPS). */
export const PAYMENT_PROCESSORS: readonly string[] = [
  'stripe.com',
  'paypal.com',
  'braintreegateway.com',
  'braintree-api.com',
  'adyen.com',
  'checkout.com',
  'squareup.com',
  'klarna.com',
  'mollie.com',
  'worldpay.com',
  'authorize.net',
];

export function isPaymentProcessor(host: unknown): boolean {
  if (typeof host !== 'string') return false;
  const h = host.toLowerCase();
  return PAYMENT_PROCESSORS.some((domain) => h === domain || h.endsWith(`.${domain}`));
}
