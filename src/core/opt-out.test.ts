import { describe, expect, it } from 'vitest';
import { composeOptOut, composeReviewDelete, mailtoUrl, POSTAL_ADDRESS_GIVEN } from './opt-out';

describe('composeOptOut', () => {
  it('writes to optout@smartergo.com with "Opt Out" in the subject, naming every choice and the identity', () => {
    const email = composeOptOut(['third-party-sharing', 'direct-marketing', 'market-research'], {
      email: ' jane.doe@example.com ',
      name: 'Jane Doe',
    });
    expect(email.to).toBe('optout@smartergo.com');
    expect(email.subject).toBe('Opt Out');
    expect(email.mailto).toBe(
      'mailto:optout@smartergo.com?subject=Opt%20Out&body=' +
        'Hello%2C%0D%0A%0D%0A' +
        'As%20your%20privacy%20policy%20offers%20(Choice%2FOpt-Out)%2C%20I%20opt%20out%20of%3A%0D%0A' +
        '-%20receiving%20direct%20marketing%20information%0D%0A' +
        '-%20receiving%20market%20research%20information%0D%0A' +
        '-%20the%20sharing%20of%20my%20personal%20information%20with%20third%20parties%0D%0A%0D%0A' +
        'Please%20confirm%20when%20this%20has%20been%20done.%0D%0A%0D%0A' +
        'To%20identify%20me%3A%0D%0A' +
        'Name%3A%20Jane%20Doe%0D%0A' +
        'Email%20address%3A%20jane.doe%40example.com',
    );
  });

  it('leaves out what the user did not type and what they did not choose', () => {
    const email = composeOptOut(['market-research'], { email: '  ', name: '' });
    expect(email.body).toBe(
      'Hello,\n\nAs your privacy policy offers (Choice/Opt-Out), I opt out of:\n- receiving market research information\n\nPlease confirm when this has been done.',
    );
    expect(decodeURIComponent(email.mailto.split('&body=')[1]!)).toBe(email.body.replace(/\n/g, '\r\n'));
  });

  it('refuses an opt-out of nothing', () => {
    expect(() => composeOptOut([])).toThrow(/at least one/);
  });

  it('encodes characters that would end the subject or body early', () => {
    expect(mailtoUrl('a@b.c', 'x&y=z?', 'line #1\n100%')).toBe('mailto:a@b.c?subject=x%26y%3Dz%3F&body=line%20%231%0D%0A100%25');
  });
});

describe('composeReviewDelete', () => {
  it('writes to legal@smartergo.com under the policy’s section title', () => {
    const email = composeReviewDelete({ name: 'Jane Doe' });
    expect(email.to).toBe('legal@smartergo.com');
    expect(email.mailto.startsWith('mailto:legal@smartergo.com?subject=Request%20to%20review%20and%20delete%20my%20information&body=')).toBe(true);
    expect(email.body).toContain('Under "Your Ability to Review and Delete Information" in your privacy policy');
    expect(email.body.endsWith('To identify me:\nName: Jane Doe')).toBe(true);
  });
});

describe('the written request', () => {
  it('has no address to go to: the policy gives none', () => {
    expect(POSTAL_ADDRESS_GIVEN).toBe(false);
  });
});
