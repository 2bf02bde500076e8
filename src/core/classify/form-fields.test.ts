import { describe, expect, it } from 'vitest';
import type { FormFieldKind } from '../model';
import { isPaymentProcessor, recogniseField, recogniseForm, words, type FieldDescription } from './form-fields';

/** Real-world field markups (checkout, signup, contact and lead forms), as the content script describes them. */
const FIELDS: [string, FieldDescription, FormFieldKind | undefined][] = [
  // Autocomplete tokens win over everything else.
  ['Shopify checkout email', { type: 'email', autocomplete: 'shipping email', name: 'checkout[email]' }, 'email'],
  ['autocomplete organization beats name="name"', { type: 'text', autocomplete: 'organization', name: 'name' }, 'company'],
  ['section + billing street-address', { type: 'text', autocomplete: 'section-a billing street-address', name: 'x1' }, 'postal-address'],
  ['Stripe Elements-like cc-number', { type: 'text', autocomplete: 'cc-number', name: 'cardnumber' }, 'credit-card'],
  ['cc-exp', { type: 'text', autocomplete: 'cc-exp', name: 'exp-date' }, 'credit-card'],
  ['bday-year', { type: 'number', autocomplete: 'bday-year', name: 'year' }, 'birth-date'],
  ['organization-title', { type: 'text', autocomplete: 'organization-title' }, 'occupation'],
  ['sex', { type: 'text', autocomplete: 'sex' }, 'gender'],
  ['tel-national with mobile hint', { type: 'text', autocomplete: 'mobile tel-national' }, 'phone'],
  // Input types.
  ['type=email with an opaque name', { type: 'email', name: 'f_7' }, 'email'],
  ['type=tel', { type: 'tel', name: 'contact_no' }, 'phone'],
  // Names and ids (camelCase, snake_case, brackets).
  ['HubSpot firstname', { type: 'text', name: 'firstname' }, 'name'],
  ['camelCase lastName', { type: 'text', name: 'lastName' }, 'name'],
  ['Magento billing[street][0]', { type: 'text', name: 'billing[street][0]' }, 'postal-address'],
  ['zip', { type: 'text', name: 'zip' }, 'postal-address'],
  ['WooCommerce billing_postcode', { type: 'text', name: 'billing_postcode' }, 'postal-address'],
  ['WooCommerce billing_company', { type: 'text', name: 'billing_company' }, 'company'],
  ['company name is a company, not a name', { type: 'text', name: 'company_name' }, 'company'],
  ['email address is an email, not an address', { type: 'text', name: 'emailAddress' }, 'email'],
  ['card holder name is card data', { type: 'text', name: 'card_holder_name' }, 'credit-card'],
  ['cvc', { type: 'text', name: 'cvc' }, 'credit-card'],
  ['job title', { type: 'text', name: 'jobTitle' }, 'occupation'],
  ['date of birth', { type: 'date', name: 'date_of_birth' }, 'birth-date'],
  ['dob', { type: 'text', id: 'dob' }, 'birth-date'],
  ['gender select', { type: 'select', name: 'gender' }, 'gender'],
  ['country select', { type: 'select', name: 'country' }, 'postal-address'],
  ['message textarea', { type: 'textarea', name: 'message' }, undefined],
  // Labels and placeholders when the name says nothing.
  ['label only', { type: 'text', name: 'input_3', label: 'Your phone number' }, 'phone'],
  ['aria-label E-Mail', { type: 'text', name: 'q1', label: 'E-Mail*' }, 'email'],
  ['German Vorname', { type: 'text', name: 'field1', label: 'Vorname' }, 'name'],
  ['German Straße und Hausnummer', { type: 'text', label: 'Straße und Hausnummer' }, 'postal-address'],
  ['German Geburtsdatum', { type: 'text', label: 'Geburtsdatum' }, 'birth-date'],
  ['placeholder', { type: 'text', placeholder: 'you@company.com Email' }, 'email'],
  // Items the policy does not list.
  ['SSN', { type: 'text', name: 'ssn' }, 'national-id'],
  ['passport number', { type: 'text', label: 'Passport number' }, 'national-id'],
  ['IBAN', { type: 'text', name: 'iban' }, 'bank-account'],
  ['routing number', { type: 'text', name: 'routingNumber' }, 'bank-account'],
  // Not personal information, though a word matches.
  ['username', { type: 'text', name: 'username' }, undefined],
  ['promo code', { type: 'text', name: 'promo_code' }, undefined],
  ['search', { type: 'search', name: 'q' }, undefined],
  ['password', { type: 'password', name: 'password' }, undefined],
  ['hidden email field', { type: 'hidden', name: 'email' }, undefined],
  ['newsletter checkbox', { type: 'checkbox', name: 'subscribe_email' }, undefined],
  ['submit', { type: 'submit', name: 'send' }, undefined],
  ['quantity', { type: 'number', name: 'qty' }, undefined],
  ['"hotel" is not a phone', { type: 'text', name: 'hotel' }, undefined],
];

describe('the form-field recogniser', () => {
  it.each(FIELDS)('%s', (_label, field, expected) => {
    expect(recogniseField(field)).toBe(expected);
  });

  it('lists what a checkout form asks for, each once', () => {
    expect(
      recogniseForm([
        { type: 'text', autocomplete: 'given-name' },
        { type: 'text', autocomplete: 'family-name' },
        { type: 'email', name: 'email' },
        { type: 'text', autocomplete: 'cc-number' },
        { type: 'text', autocomplete: 'cc-exp' },
        { type: 'submit' },
      ]).sort(),
    ).toEqual(['credit-card', 'email', 'name']);
  });

  it('splits names into words', () => {
    expect(words('billingAddress_line1')).toBe('billing address line 1');
    expect(words('checkout[email]')).toBe('checkout email');
  });

  it('knows payment processors by their domains', () => {
    expect(isPaymentProcessor('api.stripe.com')).toBe(true);
    expect(isPaymentProcessor('www.paypal.com')).toBe(true);
    expect(isPaymentProcessor('stripe.com.evil.example')).toBe(false);
    expect(isPaymentProcessor(undefined)).toBe(false);
  });
});
