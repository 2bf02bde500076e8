// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isPolicyPath, readPolicyText } from './policy-text';

describe('readPolicyText', () => {
  it('reads the policy article as blocks, innermost elements once, ignoring the page around it', () => {
    document.body.innerHTML = `
      <header><h1>SmartErgo</h1><nav><p>Shop</p></nav></header>
      <article id="privacy-policy">
        <h2>Data Security</h2>
        <p>Your personal information is
           protected.</p>
        <ul><li><p>One point.</p></li></ul>
      </article>`;
    expect(readPolicyText()).toBe('Data Security\n\nYour personal information is protected.\n\nOne point.');
  });
});

describe('isPolicyPath', () => {
  it.each([
    ['/privacy', true],
    ['/legal/privacy-policy', true],
    ['/products', false],
  ])('%s -> %s', (path, expected) => expect(isPolicyPath(path)).toBe(expected));
});
