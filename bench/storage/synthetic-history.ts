import { randomUUID } from 'node:crypto';
import type { MessageDraft } from '../../libs/chat/src/domain/message';
import { textMessageDraft } from '../../libs/chat/src/domain/message-draft';

/** The channel every history and search query reads; the other messages go to OTHER_CHANNELS others. */
export const SEARCHED_CHANNEL = '00000000-0000-4000-c000-000000000000';
const OTHER_CHANNELS = 100;
const SENDERS = 20;

export type QueryKind = 'Korean, 2 characters' | 'Korean, longer' | 'Latin';

/**
 * The search terms per kind, each put into messages at its own rate: common (1 %), rare
 * (0.02 %: about 40 of 200,000) and absent (never), so a search that stops at its 20th hit
 * and one that must read the whole channel are both measured.
 */
export const SEARCH_TERMS: ReadonlyArray<{ kind: QueryKind; term: string; share: number }> = [
  { kind: 'Korean, 2 characters', term: '회의', share: 0.01 },
  { kind: 'Korean, 2 characters', term: '택배', share: 0.0002 },
  { kind: 'Korean, 2 characters', term: '펭귄', share: 0 },
  { kind: 'Korean, longer', term: '점심 메뉴 추천', share: 0.01 },
  { kind: 'Korean, longer', term: '분기별 매출 보고서', share: 0.0002 },
  { kind: 'Korean, longer', term: '우주 정거장 견학', share: 0 },
  { kind: 'Latin', term: 'deploy', share: 0.01 },
  { kind: 'Latin', term: 'Kubernetes', share: 0.0002 },
  { kind: 'Latin', term: 'xylophone', share: 0 },
];

// Everyday filler, checked below to hold none of the terms.
const FILLER = [
  '안녕하세요', '오늘', '내일', '저녁', '같이', '먹을래요', '좋아요', '괜찮아요', '감사합니다', '네', '아니요', '지금',
  '가는', '중이에요', '사진', '보내줄게', '주말에', '뭐해', '날씨가', '좋네', '고마워', 'ㅋㅋㅋ', '진짜', '대박',
  'hello', 'ok', 'thanks', 'see', 'you', 'later', 'lunch', 'today', 'weekend', 'photo', 'nice', 'sure', 'maybe', 'lol',
];
for (const word of FILLER) {
  for (const part of SEARCH_TERMS.flatMap(({ term }) => term.toLowerCase().split(' '))) {
    if (word.toLowerCase().includes(part)) throw new Error(`filler '${word}' holds '${part}' of a search term`);
  }
}

/** A deterministic generator (mulberry32), so every store gets the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HistoryShape {
  readonly messages: number;
  readonly channelMessages: number;
  readonly batch: number;
}

/**
 * The same history for every store, in batches as the persist stage writes them (channels
 * mixed in each batch): `channelMessages` of the `messages` go to SEARCHED_CHANNEL, spread
 * evenly through time. Yields each batch's drafts; counts into `hits` how many messages of
 * SEARCHED_CHANNEL hold each term.
 */
export function* syntheticHistory(shape: HistoryShape, hits: Map<string, number>): Generator<MessageDraft[]> {
  const next = random(20261123);
  const start = Date.UTC(2026, 0, 1);
  let searchedLeft = shape.channelMessages;
  for (let first = 0; first < shape.messages; first += shape.batch) {
    const drafts: MessageDraft[] = [];
    for (let k = first; k < Math.min(shape.messages, first + shape.batch); k += 1) {
      const left = shape.messages - k;
      const searched = next() < searchedLeft / left;
      if (searched) searchedLeft -= 1;
      const sender = Math.floor(next() * SENDERS);
      const text = messageText(next);
      if (searched) for (const { term } of SEARCH_TERMS) if (text.includes(term)) hits.set(term, (hits.get(term) ?? 0) + 1);
      drafts.push(
        textMessageDraft({
          id: randomUUID(),
          channelId: searched ? SEARCHED_CHANNEL : otherChannel(Math.floor(next() * OTHER_CHANNELS)),
          senderId: `00000000-0000-4000-a000-${String(sender).padStart(12, '0')}`,
          senderName: `sender ${sender}`,
          text,
          clientMsgId: `bench-${k}`,
          createdAt: new Date(start + k * 1000),
        }),
      );
    }
    yield drafts;
  }
}

function otherChannel(n: number): string {
  return `00000000-0000-4000-c000-${String(n + 1).padStart(12, '0')}`;
}

function messageText(next: () => number): string {
  const words: string[] = [];
  const length = 3 + Math.floor(next() * 12);
  for (let i = 0; i < length; i += 1) words.push(FILLER[Math.floor(next() * FILLER.length)]);
  for (const { term, share } of SEARCH_TERMS) {
    if (share > 0 && next() < share) words.splice(Math.floor(next() * (words.length + 1)), 0, term);
  }
  return words.join(' ');
}
