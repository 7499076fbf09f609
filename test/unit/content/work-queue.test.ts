import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../../src/content/work-queue';

/** Items are paths: "body/table/tr1" is inside "body/table". */
const parentOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null);

function drain(queue: WorkQueue<string>): string[] {
  const taken: string[] = [];
  for (let item = queue.take(); item !== undefined; item = queue.take()) taken.push(item);
  return taken;
}

describe('WorkQueue', () => {
  it('hands out items first in, first out', () => {
    const queue = new WorkQueue(parentOf);
    for (const item of ['body/a', 'body/b', 'body/c']) queue.add(item);
    expect(drain(queue)).toEqual(['body/a', 'body/b', 'body/c']);
  });

  it('collapses a region reported many times into one scan', () => {
    const queue = new WorkQueue(parentOf);
    for (let i = 0; i < 10; i++) queue.add('body/table/tr1');
    expect(queue.size).toBe(1);
    expect(drain(queue)).toEqual(['body/table/tr1']);
  });

  it('drops an item whose ancestor is also waiting: scanning the ancestor covers it', () => {
    const queue = new WorkQueue(parentOf);
    queue.add('body/table/tr1/td2');
    queue.add('body/table');
    queue.add('body/footer');
    expect(drain(queue)).toEqual(['body/table', 'body/footer']);
  });

  it('keeps an item whose ancestor was already scanned', () => {
    const queue = new WorkQueue(parentOf);
    queue.add('body/table');
    expect(queue.take()).toBe('body/table');
    queue.add('body/table/tr9');
    expect(drain(queue)).toEqual(['body/table/tr9']);
  });

  it('forgets everything on clear', () => {
    const queue = new WorkQueue(parentOf);
    queue.add('body/a');
    queue.clear();
    expect(queue.take()).toBeUndefined();
  });
});
