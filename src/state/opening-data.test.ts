import { describe, expect, it } from 'vitest';
import { encodeFragment } from '../share/codec';
import { toPayload, type ViewSnapshot } from '../share/snapshot';
import {
  drawsRecordedDemo,
  hashHasSnapshot,
  linkAfterLoad,
  mayOpenDemo,
  openingData,
  readLinkSnapshot,
  type OpeningLink,
} from './opening-data';

const link = (o: Partial<OpeningLink> = {}): OpeningLink => ({
  snapshot: false,
  snapshotProblem: false,
  data: [],
  demo: false,
  ...o,
});

describe('the opening data', () => {
  it('is what the link asks for before what this browser kept: snapshot, files, demo, then kept data', () => {
    expect(openingData(link({ snapshot: true, data: ['a.csv'], demo: true }))).toBe('snapshot');
    expect(openingData(link({ data: ['a.csv'], demo: true }))).toBe('urls');
    expect(openingData(link({ demo: true }))).toBe('demo');
    expect(openingData(link())).toBe('kept-else-demo');
  });

  it('is nothing when the embedded snapshot was refused, even if the link names files or the demo', () => {
    expect(openingData(link({ snapshotProblem: true, data: ['a.csv'], demo: true }))).toBe('nothing');
  });

  it('fetches the demo tables early unless the link brings its own data', () => {
    expect(mayOpenDemo(link())).toBe(true);
    expect(mayOpenDemo(link({ demo: true }))).toBe(true);
    expect(mayOpenDemo(link({ snapshot: true }))).toBe(false);
    expect(mayOpenDemo(link({ data: ['a.csv'] }))).toBe(false);
  });

  it('draws the recorded demo only when the demo is what opens', () => {
    expect(drawsRecordedDemo('demo', true)).toBe(true);
    expect(drawsRecordedDemo('kept-else-demo', false)).toBe(true);
    expect(drawsRecordedDemo('kept-else-demo', true)).toBe(false);
    for (const o of ['snapshot', 'nothing', 'urls'] as const) expect(drawsRecordedDemo(o, false)).toBe(false);
  });
});

describe("the link's snapshot", () => {
  const snap: ViewSnapshot = {
    v: 2,
    mode: 'view',
    created: '2025-01-02',
    reports: [],
    results: new Map(),
    answers: new Map([['h1', [{ x: 1 }]]]),
  };

  it('is read from the fragment, refused with a reason, or absent', () => {
    const good = readLinkSnapshot(`#${encodeFragment(toPayload(snap))}`);
    expect(good.problem).toBeNull();
    expect(good.snapshot?.mode).toBe('view');
    expect(readLinkSnapshot('#s1=@@@')).toEqual({ snapshot: null, problem: 'bad_base64' });
    expect(readLinkSnapshot(`#${encodeFragment({ v: 99 })}`)).toMatchObject({ snapshot: null });
    expect(readLinkSnapshot(`#${encodeFragment({ v: 99 })}`).problem).not.toBeNull();
    expect(readLinkSnapshot('')).toEqual({ snapshot: null, problem: null });
    expect(readLinkSnapshot('#section')).toEqual({ snapshot: null, problem: null });
    expect(hashHasSnapshot('#s1=abc')).toBe(true);
    expect(hashHasSnapshot('#section')).toBe(false);
  });
});

describe('the link after other data is loaded', () => {
  const opened = { data: ['https://intranet/a.csv'], snapshotInHash: true };

  it('no longer names the files, the demo or the snapshot it was opened with', () => {
    expect(linkAfterLoad('files', opened)).toEqual({ data: true, demo: true, snapshot: true });
    expect(linkAfterLoad('demo', opened)).toEqual({ data: true, demo: false, snapshot: true });
  });

  it('keeps what still describes the data: its files, its snapshot', () => {
    expect(linkAfterLoad('urls', opened)).toEqual({ data: false, demo: true, snapshot: true });
    expect(linkAfterLoad('snapshot', opened)).toEqual({ data: true, demo: true, snapshot: false });
  });

  it('changes nothing before any data is loaded', () => {
    expect(linkAfterLoad(null, opened)).toEqual({ data: false, demo: false, snapshot: false });
  });
});
