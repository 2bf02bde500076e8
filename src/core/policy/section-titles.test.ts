import { describe, expect, it } from 'vitest';
import { CONTACT_EMAIL, OPT_OUT_CHANNEL, POLICY } from './disclosures';
import { CONTACT_EMAIL as CHANNEL_CONTACT, OPT_OUT_CHANNEL as CHANNEL_OPT_OUT } from './channels';
import { SECTION_TITLES } from './section-titles';

describe('the policy facts the popup keeps without the policy text', () => {
  it('has the sections parsePolicy reads, with their titles, in order', () => {
    expect(Object.entries(SECTION_TITLES)).toEqual(POLICY.sections.map((section) => [section.id, section.title]));
  });

  it('has the channels disclosures.ts checks against the quotes', () => {
    expect(CHANNEL_OPT_OUT).toBe(OPT_OUT_CHANNEL);
    expect(CHANNEL_CONTACT).toBe(CONTACT_EMAIL);
  });
});
