// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createLeakMatcher } from '../../core/classify/leaks';
import type { LeakObservation } from '../../core/model';
import { MAX_WAITING_CHECKS, TypedValues, type CreateLeakMatcher } from './typed-values';

function typedInto(loadMatcher: () => Promise<CreateLeakMatcher>) {
  document.body.innerHTML = '<input type="email" name="email">';
  const seen: LeakObservation[] = [];
  const typed = new TypedValues((o) => seen.push(o), loadMatcher);
  typed.listen(window, document);
  const email = document.querySelector<HTMLInputElement>('input')!;
  const type = (value: string) => {
    email.value = value;
    email.dispatchEvent(new Event('input', { bubbles: true }));
  };
  return { typed, seen, type };
}

const PIXEL = 'https://t.example/p?em=jane.doe%40example.com';

describe('TypedValues and its late matcher', () => {
  it('loads the matcher only once the visitor types into a watched field', async () => {
    const load = vi.fn(async () => createLeakMatcher);
    const { typed, type } = typedInto(load);
    typed.check(PIXEL);
    expect(load).not.toHaveBeenCalled();
    type('jane.doe@example.com');
    type('jane.doe@example.co');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('holds what the page sends while the matcher is on its way, then checks it', async () => {
    let arrive: (create: CreateLeakMatcher) => void = () => {};
    const { typed, seen, type } = typedInto(() => new Promise((resolve) => (arrive = resolve)));
    type('jane.doe@example.com');
    typed.check(PIXEL);
    typed.check('https://www.smartergo.com/api?em=jane.doe%40example.com'); // SmartErgo's own: never held
    expect(seen).toEqual([]);
    arrive(createLeakMatcher);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ url: 'https://t.example/p', carrier: 'url' });
  });

  it('holds a bounded number of requests, and asks again after a failed load', async () => {
    const load = vi.fn<() => Promise<CreateLeakMatcher>>().mockRejectedValueOnce(new Error('no worker')).mockResolvedValue(createLeakMatcher);
    const { typed, seen, type } = typedInto(load);
    type('jane.doe@example.com');
    await new Promise((resolve) => setTimeout(resolve, 0)); // the first load has failed
    for (let i = 0; i < MAX_WAITING_CHECKS + 50; i++) typed.check(`${PIXEL}&n=${i}`);
    await vi.waitFor(() => expect(seen).toHaveLength(MAX_WAITING_CHECKS));
    expect(load).toHaveBeenCalledTimes(2);
  });
});
