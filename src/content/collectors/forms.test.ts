// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { FormObservation, LeakObservation } from '../../core/model';
import { FormWatcher, scanForms } from './forms';
import { createLeakMatcher } from '../../core/classify/leaks';
import { TypedValues } from './typed-values';

function load(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('scanForms', () => {
  it('reads what each form asks for from its markup, and where it posts', () => {
    const doc = load(`
      <form action="/checkout" method="POST">
        <label for="n">Full name</label><input id="n" name="f1">
        <input type="email" name="contact">
        <input autocomplete="cc-number" name="x">
        <input type="hidden" name="email" value="ignored">
        <button>Pay</button>
      </form>
      <form role="search"><input type="search" name="q"></form>
      <input aria-label="Phone number" name="loose">`);
    const forms = scanForms(doc);
    expect(forms).toEqual([
      { source: 'form', action: new URL('/checkout', location.href).href, method: 'post', fields: ['name', 'email', 'credit-card'] },
      { source: 'form', action: location.href, method: 'post', fields: ['phone'] },
    ]);
  });

  it('reports a form once, and again when it asks for more', () => {
    const doc = load('<form action="/a"><input type="email" name="e"></form>');
    const seen: FormObservation[] = [];
    const watcher = new FormWatcher(doc, (o) => seen.push(o));
    watcher.check();
    watcher.check();
    expect(seen).toHaveLength(1);
    doc.querySelector('form')!.insertAdjacentHTML('beforeend', '<input type="tel" name="t">');
    watcher.check();
    expect(seen.map((o) => o.fields)).toEqual([['email'], ['email', 'phone']]);
  });
});

describe('TypedValues', () => {
  it('recognises what the visitor typed in a third-party URL or body, and reports kinds only', async () => {
    const doc = load('<input type="email" name="email"><input name="q">');
    const seen: LeakObservation[] = [];
    const typed = new TypedValues((o) => seen.push(o), async () => createLeakMatcher);
    typed.listen(window, doc);
    const email = doc.querySelector<HTMLInputElement>('input[name=email]')!;
    const other = doc.querySelector<HTMLInputElement>('input[name=q]')!;
    email.value = 'Jane.Doe@example.com';
    email.dispatchEvent(new Event('input', { bubbles: true }));
    other.value = 'standing desk';
    other.dispatchEvent(new Event('input', { bubbles: true }));

    typed.check('https://www.smartergo.com/api?em=jane.doe%40example.com'); // SmartErgo's own: the form's finding
    typed.check('https://t.example/p?em=jane.doe%40example.com&q=standing+desk');
    typed.check('https://t.example/b', btoa('{"e":"jane.doe@example.com"}'));
    typed.check('https://t.example/h', '', 'x-visitor: jane.doe@example.com');
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen).toEqual([
      { source: 'leak', url: 'https://t.example/p', carrier: 'url', items: [{ kind: 'email', encoding: 'url-encoded' }] },
      { source: 'leak', url: 'https://t.example/b', carrier: 'body', items: [{ kind: 'email', encoding: 'base64' }] },
      { source: 'leak', url: 'https://t.example/h', carrier: 'header', items: [{ kind: 'email', encoding: 'plain' }] },
    ]);
    expect(JSON.stringify(seen)).not.toContain('jane');
  });
});
